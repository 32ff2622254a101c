package io.github.twilioauth.sdk;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippets of {@code README.md} that use twilio-java compile as shown: the blocks fenced
 * {@code java twilio-auth-sdk}, which the autoconfigure module's {@code ReadmeSnippetsTest}
 * leaves to this module. Each is a complete compilation unit in no package, compiled for Java 17
 * against the main classes and dependencies of this module, without the README's other blocks.
 */
class ReadmeSdkSnippetsTest {

    private static final Path README = Path.of("..", "README.md");

    private static final Pattern SDK_FENCE = Pattern.compile("^(\\s*)```java\\s+twilio-auth-sdk\\s*$");

    @Test
    void everySdkSnippetCompiles(@TempDir Path classes) throws IOException {
        List<Snippet> snippets = sdkBlocksOf(Files.readAllLines(README));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

        boolean compiled = javac
            .getTask(null, null, diagnostics, List.of("--release", "17", "-proc:none", "-classpath", mainClasspath(),
                    "-d", classes.toString()), null, snippets)
            .call();

        assertThat(snippets).as("twilio-java snippets in README.md").isNotEmpty();
        assertThat(diagnostics.getDiagnostics()).filteredOn((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
            .extracting(ReadmeSdkSnippetsTest::describe)
            .as("README.md snippets that do not compile")
            .isEmpty();
        assertThat(compiled).isTrue();
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String where = (diagnostic.getSource() instanceof Snippet snippet)
                ? "README.md line " + (snippet.fenceLine + diagnostic.getLineNumber()) + ": " : "";
        return where + diagnostic.getMessage(null);
    }

    private static List<Snippet> sdkBlocksOf(List<String> readme) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            Matcher fence = SDK_FENCE.matcher(readme.get(i));
            if (fence.matches()) {
                String indent = fence.group(1);
                int open = i;
                StringBuilder source = new StringBuilder();
                for (i++; i < readme.size() && !readme.get(i).strip().equals("```"); i++) {
                    String line = readme.get(i);
                    source.append(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading())
                        .append('\n');
                }
                snippets.add(new Snippet(open + 1, source.toString()));
            }
        }
        return snippets;
    }

    /** The test classpath without this module's test classes, as Surefire gives it. */
    private static String mainClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
            .filter((entry) -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
            .collect(Collectors.joining(File.pathSeparator));
    }

    /** One block, as a source file named after the line of its opening fence. */
    private static final class Snippet extends SimpleJavaFileObject {

        private final int fenceLine;

        private final String source;

        Snippet(int fenceLine, String source) {
            super(URI.create("string:///README_line_" + fenceLine + ".java"), Kind.SOURCE);
            this.fenceLine = fenceLine;
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return this.source;
        }
    }
}
