package com.onestepai.osai.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes the spec's text in generated Javadoc read as written. The templates print it with {@code
 * {{...}}}, whose HTML escaping keeps Javadoc valid ({@code <} as {@code &lt;}, {@code &} as {@code
 * &amp;}) but also turns {@code '}, {@code "}, {@code =} and backticks into numeric entities; the
 * generator has no Javadoc escaping of its own. In comment lines this program turns those back,
 * makes each Markdown {@code `code`} span a {@code {@code ...}}, and it strips trailing whitespace
 * from every line.
 *
 * <pre>
 * java JavadocText.java GENERATED_SOURCES_DIR...
 * </pre>
 */
public final class JavadocText {
  private static final Pattern CODE = Pattern.compile("&#x60;(.+?)&#x60;");
  private static final Pattern COMMENT = Pattern.compile("\\s*(/\\*\\*|\\*).*");

  private JavadocText() {}

  public static void main(String[] args) throws IOException {
    for (String dir : args) {
      List<Path> files;
      try (Stream<Path> all = Files.walk(Paths.get(dir))) {
        files = all.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
      }
      for (Path file : files) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String fixed =
            Stream.of(text.split("\n", -1))
                .map(JavadocText::line)
                .collect(Collectors.joining("\n"));
        if (!fixed.equals(text)) {
          Files.write(file, fixed.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  static String line(String line) {
    String s = line.replaceAll("\\s+$", "");
    if (!COMMENT.matcher(s).matches()) {
      return s;
    }
    Matcher code = CODE.matcher(s);
    StringBuffer out = new StringBuffer();
    while (code.find()) {
      String text = plain(code.group(1)).replace("&lt;", "<").replace("&gt;", ">");
      text = text.replace("&amp;", "&");
      // {@code} cannot hold unbalanced braces or a leading @: those keep <code> and entities.
      String span =
          text.matches("[^{}@]*")
              ? "{@code " + text + "}"
              : "<code>" + plain(code.group(1)) + "</code>";
      code.appendReplacement(out, Matcher.quoteReplacement(span));
    }
    code.appendTail(out);
    return plain(out.toString());
  }

  /** The entities Javadoc does not need; {@code <}, {@code >} and {@code &} stay escaped. */
  private static String plain(String s) {
    return s.replace("&#39;", "'")
        .replace("\\&quot;", "\"")
        .replace("&quot;", "\"")
        .replace("&#x3D;", "=")
        .replace("&#x60;", "`");
  }
}
