package io.github.twilioauth;

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
 * The Java snippets of the project's {@code README.md} compile as shown.
 * <p>
 * The convention, which the README follows: every block fenced as {@code java} is a complete
 * compilation unit, as a reader would paste it into a file: its imports, then its top-level types,
 * in no package. None is skipped, and nothing is added to it. All of them are compiled together,
 * in one javac run for Java 17, against the main classes and dependencies of this module, so a
 * snippet may use a type that an earlier one declares, as the application a reader builds would
 * (the tests of {@code Notifier} use the {@code Notifier} of "Add it"); type names are therefore
 * unique across the README. A block that is not meant to compile is not fenced as {@code java}.
 * <p>
 * A block fenced {@code java twilio-auth-sdk} uses twilio-java, which this module never sees:
 * the SDK bridge module compiles those blocks, in its {@code ReadmeSdkSnippetsTest}.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "README.md");

    /** An opening fence of a Java block, at any indentation (blocks may sit in list items). */
    private static final Pattern JAVA_FENCE = Pattern.compile("^(\\s*)```java\\b(.*)$");

    /** What follows {@code java} on the fence of a block that needs the SDK bridge module. */
    private static final String SDK_MODULE = "twilio-auth-sdk";

    @Test
    void everyJavaSnippetCompiles(@TempDir Path classes) throws IOException {
        List<Snippet> snippets = Snippet.javaBlocksOf(Files.readAllLines(README));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

        boolean compiled = javac
            .getTask(null, null, diagnostics, List.of("--release", "17", "-proc:none", "-classpath", mainClasspath(),
                    "-d", classes.toString()), null, snippets)
            .call();

        assertThat(snippets).as("Java snippets in README.md").hasSizeGreaterThan(10);
        assertThat(errors(diagnostics)).as("README.md snippets that do not compile").isEmpty();
        assertThat(compiled).isTrue();
    }

    private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics()
            .stream()
            .filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
            .map(ReadmeSnippetsTest::describe)
            .toList();
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        if (!(diagnostic.getSource() instanceof Snippet snippet)) {
            return diagnostic.getMessage(null);
        }
        int line = (int) diagnostic.getLineNumber();
        return "README.md line " + snippet.readmeLine(line) + " (snippet of line " + snippet.fenceLine + "): "
                + diagnostic.getMessage(null) + "\n    " + snippet.line(line).strip();
    }

    /**
     * Returns the test classpath without this module's test classes: what an application using
     * the starter and the test artifact sees. Surefire puts it in {@code surefire.test.class.path}.
     */
    private static String mainClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
            .filter((entry) -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
            .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * One Java block of the README, as a source file named after the line of its opening fence.
     */
    static final class Snippet extends SimpleJavaFileObject {

        private final int fenceLine;

        private final List<String> lines;

        private Snippet(int fenceLine, List<String> lines) {
            super(URI.create("string:///README_line_" + fenceLine + ".java"), Kind.SOURCE);
            this.fenceLine = fenceLine;
            this.lines = lines;
        }

        /**
         * Returns every Java block but those of the SDK bridge module, its lines without the
         * indentation of its fence.
         * @throws IllegalStateException when a block is not closed, or its fence names anything
         * but the SDK bridge module after {@code java}
         */
        static List<Snippet> javaBlocksOf(List<String> readme) {
            List<Snippet> snippets = new ArrayList<>();
            for (int i = 0; i < readme.size(); i++) {
                Matcher fence = JAVA_FENCE.matcher(readme.get(i));
                if (!fence.matches()) {
                    continue;
                }
                String indent = fence.group(1);
                String module = fence.group(2).strip();
                List<String> lines = new ArrayList<>();
                int open = i;
                for (i++; i < readme.size() && !readme.get(i).strip().equals("```"); i++) {
                    String line = readme.get(i);
                    lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
                }
                if (i == readme.size()) {
                    throw new IllegalStateException("README.md line " + (open + 1) + ": the Java block is not closed");
                }
                if (module.isEmpty()) {
                    snippets.add(new Snippet(open + 1, lines));
                }
                else if (!module.equals(SDK_MODULE)) {
                    throw new IllegalStateException("README.md line " + (open + 1) + ": a Java block is fenced "
                            + "`java` or `java " + SDK_MODULE + "`, not `java " + module + "`");
                }
            }
            return snippets;
        }

        int readmeLine(int snippetLine) {
            return this.fenceLine + snippetLine;
        }

        String line(int snippetLine) {
            return (snippetLine >= 1 && snippetLine <= this.lines.size()) ? this.lines.get(snippetLine - 1) : "";
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return String.join("\n", this.lines) + "\n";
        }
    }
}
