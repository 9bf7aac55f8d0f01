package com.onestepai.osai.examples;

import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.OsaiException;
import com.onestepai.osai.OsaiIoException;
import com.onestepai.osai.OsaiServiceException;
import com.onestepai.osai.model.Category;
import com.onestepai.osai.model.CreateCategoryRequest;
import com.onestepai.osai.model.CreateDatasetRequest;
import com.onestepai.osai.model.Dataset;
import com.onestepai.osai.workflow.DatasetUpload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The vendor's "Image upload" workflow with the SDK, as far as its public pages go: create a
 * dataset, create one category per subfolder of a folder (as the vendor's bulk upload reads one),
 * open the upload bracket, list the images it would send per category, and finish the upload.
 *
 * <pre>
 * OSAI_API_TOKEN=... [OSAI_URL=...] java ... ImageUpload FOLDER [--dataset NAME]
 * </pre>
 *
 * <p>The image upload call itself is not in the vendor's public pages, so this program does not
 * invent it: it prints how to send the images through an operation you declare yourself (README,
 * "Operations the spec does not describe yet"). On failure it prints one line saying what failed
 * and exits 1 (2 for a usage error).
 */
public final class ImageUpload {
  private ImageUpload() {}

  /** What the vendor's upload reads as images. */
  static final List<String> IMAGE_TYPES = List.of("jpg", "jpeg", "png", "bmp", "gif", "webp");

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Path folder = null;
    String datasetName = null;
    for (int i = 0; i < args.length; i++) {
      if ("--dataset".equals(args[i]) && i + 1 < args.length) {
        datasetName = args[++i];
      } else if (folder == null && !args[i].startsWith("--")) {
        folder = Paths.get(args[i]);
      } else {
        return usage("unknown argument '" + args[i] + "'");
      }
    }
    if (folder == null) {
      return usage("no folder given");
    }
    Map<String, List<Path>> imagesByCategory;
    try {
      imagesByCategory = imagesByCategory(folder);
    } catch (IOException e) {
      return fail("Reading " + folder + " failed: " + e);
    }
    if (imagesByCategory.isEmpty()) {
      return usage(folder + " has no subfolders: make one per category, with its images in it");
    }
    if (datasetName == null) {
      datasetName = folder.toAbsolutePath().normalize().getFileName().toString();
    }

    String what = "Configuration";
    try (OsaiClient client = OsaiClient.builder().fromEnv().build()) {
      what = "Creating the dataset '" + datasetName + "' at " + client.baseUrl();
      Dataset dataset =
          client.datasets().createDataset(CreateDatasetRequest.builder().name(datasetName).build());
      System.out.println("Dataset '" + datasetName + "': " + dataset.getId());

      Map<String, String> categoryIds = new TreeMap<>();
      for (String name : imagesByCategory.keySet()) {
        what = "Creating the category '" + name + "'";
        Category category =
            client
                .categories()
                .createCategory(
                    CreateCategoryRequest.builder().datasetId(dataset.getId()).name(name).build());
        if (category.getId() == null) {
          return fail(
              what + ": the answer has no id (it had " + category.getAdditionalProperties() + ")");
        }
        categoryIds.put(name, category.getId());
        System.out.println("Category '" + name + "': " + category.getId());
      }

      what = "The upload into dataset " + dataset.getId();
      try (DatasetUpload upload = DatasetUpload.start(client, dataset.getId())) {
        System.out.println("Upload " + upload.id() + " started: the dataset is locked");
        for (Map.Entry<String, List<Path>> category : imagesByCategory.entrySet()) {
          System.out.println(
              "  "
                  + category.getKey()
                  + " ("
                  + categoryIds.get(category.getKey())
                  + "): "
                  + category.getValue().size()
                  + " image(s) to send: "
                  + category.getValue().stream()
                      .map(p -> p.getFileName().toString())
                      .collect(Collectors.joining(", ")));
        }
        System.out.println(
            "To send them: the image upload endpoint is not in the vendor's public docs; take it"
                + " from the API explorer and declare it as your own Retrofit interface with an"
                + " UploadFile part (README: \"Operations the spec does not describe yet\"), then"
                + " call it here with upload.id() and the category ids.");
      }
      System.out.println("Upload finished: the dataset is unlocked");
      return 0;
    } catch (OsaiServiceException e) {
      return fail(what + " failed with HTTP " + e.statusCode() + ": " + e.getMessage());
    } catch (OsaiIoException e) {
      return fail(what + " failed: " + e.getMessage() + ". Check the network and OSAI_URL.");
    } catch (OsaiException | IllegalArgumentException | IllegalStateException e) {
      return fail(what + " failed: " + e.getMessage());
    }
  }

  /** Each subfolder of {@code folder} by name, with its image files by name. */
  static Map<String, List<Path>> imagesByCategory(Path folder) throws IOException {
    Map<String, List<Path>> images = new TreeMap<>();
    try (Stream<Path> children = Files.list(folder)) {
      for (Path category : (Iterable<Path>) children.sorted()::iterator) {
        if (Files.isDirectory(category)) {
          try (Stream<Path> files = Files.list(category)) {
            images.put(
                category.getFileName().toString(),
                files.filter(ImageUpload::isImage).sorted().collect(Collectors.toList()));
          }
        }
      }
    }
    return images;
  }

  static boolean isImage(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return Files.isRegularFile(file)
        && dot > 0
        && IMAGE_TYPES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static int fail(String line) {
    System.err.println("osai-example: " + line);
    return 1;
  }

  private static int usage(String problem) {
    System.err.println(
        "osai-example: "
            + problem
            + ". Usage: ImageUpload FOLDER [--dataset NAME] with OSAI_API_TOKEN set (and OSAI_URL"
            + " to pick the region). FOLDER holds one subfolder per category, with its images.");
    return 2;
  }
}
