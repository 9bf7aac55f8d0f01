package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.onestepai.osai.growth.api.PetsApi;
import com.onestepai.osai.growth.model.Cat;
import com.onestepai.osai.growth.model.Dog;
import com.onestepai.osai.growth.model.Pet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code oneOf} with a discriminator (fragment growth/shapes-oneof.yaml, issue 10 row 10): an
 * interface its members implement, read as the member the discriminator names wherever it stands in
 * the object, written as that member, and a kind the spec does not list kept whole.
 */
class PolymorphicShapesWireTest extends SignedInWireTest {
  PetsApi pets;

  @BeforeEach
  void api() {
    pets = client.api(PetsApi.class);
  }

  Pet read(String body) {
    server.enqueue(json(200, body));
    return pets.getPet("p-1");
  }

  String sendBack(Pet pet) throws InterruptedException {
    server.enqueue(json(200, "[]"));
    pets.putPet("p-1", pet);
    return takeNext("PUT").getBody().utf8();
  }

  @Test
  void eachMemberReadsAsItsClassWhereverTheDiscriminatorStands() {
    Cat cat =
        assertInstanceOf(Cat.class, read("{\"petType\":\"cat\",\"name\":\"Tom\",\"livesLeft\":9}"));
    assertEquals("Tom", cat.getName());
    assertEquals(9, cat.getLivesLeft());

    Dog dog =
        assertInstanceOf(
            Dog.class, read("{\"name\":\"Rex\",\"goodBoy\":true,\"petType\":\"dog\"}"));
    assertEquals("Rex", dog.getName());
    assertEquals(true, dog.getGoodBoy());
  }

  @Test
  void aMemberIsWrittenAsItselfAndAListAnswerMixesMembers() throws Exception {
    server.enqueue(
        json(
            200,
            "[{\"petType\":\"cat\",\"name\":\"Tom\"},{\"petType\":\"dog\",\"name\":\"Rex\"},"
                + "{\"petType\":\"parrot\",\"name\":\"Polly\"}]"));

    List<Pet> all =
        pets.putPet(
            "p-1", Dog.builder().petType(Dog.PetTypeEnum.DOG).name("Rex").goodBoy(true).build());

    assertEquals(
        "{\"petType\":\"dog\",\"name\":\"Rex\",\"goodBoy\":true}", takeCall().getBody().utf8());
    assertInstanceOf(Cat.class, all.get(0));
    assertInstanceOf(Dog.class, all.get(1));
    assertInstanceOf(Pet.Unknown.class, all.get(2));
  }

  @Test
  void aKindTheSpecDoesNotListIsKeptWholeAndSentBackUnchanged() throws Exception {
    String parrot = "{\"petType\":\"parrot\",\"name\":\"Polly\",\"words\":12,\"cage\":null}";
    Pet.Unknown unknown = assertInstanceOf(Pet.Unknown.class, read(parrot));

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("petType", "parrot");
    json.put("name", "Polly");
    json.put("words", 12L);
    json.put("cage", null);
    assertEquals(json, unknown.getJson());
    assertEquals(parrot, sendBack(unknown));
  }

  @Test
  void anObjectWithoutTheDiscriminatorIsUnknownNotAnError() {
    Pet.Unknown unknown = assertInstanceOf(Pet.Unknown.class, read("{\"name\":\"Nemo\"}"));
    assertEquals("Nemo", unknown.getJson().get("name"));
  }

  @Test
  void aMemberKeepsItsOwnUnknownPropertiesThroughTheInterface() throws Exception {
    Pet cat = read("{\"petType\":\"cat\",\"name\":\"Tom\",\"whiskers\":24}");

    assertEquals(24L, ((Cat) cat).getAdditionalProperties().get("whiskers"));
    assertEquals("{\"petType\":\"cat\",\"name\":\"Tom\",\"whiskers\":24}", sendBack(cat));
  }
}
