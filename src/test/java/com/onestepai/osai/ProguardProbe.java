package com.onestepai.osai;

import com.onestepai.osai.model.Category;
import com.onestepai.osai.model.User;
import com.squareup.moshi.Moshi;

/**
 * What an app does with the models after R8 or ProGuard shrank and renamed it: read and write them
 * through Moshi, which finds each model's generated adapter by the model's name. Run by {@link
 * ProguardRulesIT} from the processed jar.
 */
public final class ProguardProbe {
  private ProguardProbe() {}

  public static void main(String[] args) throws Exception {
    Moshi moshi = new Moshi.Builder().build();
    User user =
        moshi
            .adapter(User.class)
            .fromJson("{\"id\":\"u-1\",\"userName\":\"ada\",\"colorMode\":1,\"theme\":\"dark\"}");
    Category category =
        moshi.adapter(Category.class).fromJson("{\"id\":\"c-1\",\"name\":null,\"color\":\"red\"}");
    System.out.println(user.getUserName() + " " + user.getColorMode());
    System.out.println(moshi.adapter(User.class).toJson(user));
    System.out.println(moshi.adapter(Category.class).toJson(category));
  }
}
