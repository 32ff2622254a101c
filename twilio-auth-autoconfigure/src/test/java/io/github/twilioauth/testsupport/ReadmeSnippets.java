package io.github.twilioauth.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The Java blocks of the project's {@code README.md}, compiled as a reader would paste them.
 * <p>
 * The convention, which the README follows: every block fenced as {@code java} is a complete
 * compilation unit (its imports, then its top-level types, in no package); none is skipped and
 * nothing is added to it. A block that needs another module names it after {@code java} on its
 * fence ({@code java twilio-auth-sdk}) and is compiled by that module's tests; a fence naming
 * anything else fails, so no block escapes every test. The blocks of one module are compiled
 * together, in one javac run for Java 17, against the main classes and dependencies of the
 * module, so a block may use a type an earlier one declares, as the reader's application would.
 */
public final class ReadmeSnippets {

    private static final Path README = Path.of("..", "README.md");

    /** An opening fence of a Java block, at any indentation (blocks may sit in list items). */
    private static final Pattern JAVA_FENCE = Pattern.compile("^(\\s*)```java\\b(.*)$");

    /** What may follow {@code java} on a fence: nothing, for this module, or another module. */
    private static final Set<String> MODULES = Set.of("", "twilio-auth-sdk");

    private ReadmeSnippets() {
    }

    /**
     * Returns the blocks of one module, each line without the indentation of its fence.
     * @param module what follows {@code java} on the fence of the module's blocks, or {@code ""}
     * @return the blocks, in README order
     * @throws IOException when the README cannot be read
     * @throws IllegalStateException when a block is not closed, or a fence names an unknown module
     */
    public static List<Snippet> blocksOf(String module) throws IOException {
        List<String> readme = Files.readAllLines(README);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            Matcher fence = JAVA_FENCE.matcher(readme.get(i));
            if (!fence.matches()) {
                continue;
            }
            String indent = fence.group(1);
            String named = fence.group(2).strip();
            List<String> lines = new ArrayList<>();
            int open = i;
            for (i++; i < readme.size() && !readme.get(i).strip().equals("```"); i++) {
                String line = readme.get(i);
                lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
            }
            if (i == readme.size()) {
                throw new IllegalStateException("README.md line " + (open + 1) + ": the Java block is not closed");
            }
            if (!MODULES.contains(named)) {
                throw new IllegalStateException("README.md line " + (open + 1) + ": a Java block is fenced `java` or "
                        + "`java <module>` with a module of " + MODULES + ", not `java " + named + "`");
            }
            if (named.equals(module)) {
                snippets.add(new Snippet(open + 1, lines));
            }
        }
        return snippets;
    }

    /**
     * Compiles the blocks together against the module's main classpath.
     * @param snippets the blocks
     * @param classes where the class files go
     * @return javac's errors, each with its README line and the line's text; empty when all compile
     */
    public static List<String> compileErrors(List<Snippet> snippets, Path classes) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = ToolProvider.getSystemJavaCompiler()
            .getTask(null, null, diagnostics, List.of("--release", "17", "-proc:none", "-classpath", mainClasspath(),
                    "-d", classes.toString()), null, snippets)
            .call();
        List<String> errors = diagnostics.getDiagnostics()
            .stream()
            .filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
            .map(ReadmeSnippets::describe)
            .collect(Collectors.toCollection(ArrayList::new));
        if (!compiled && errors.isEmpty()) {
            errors.add("javac failed without an error diagnostic");
        }
        return errors;
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        if (!(diagnostic.getSource() instanceof Snippet snippet)) {
            return diagnostic.getMessage(null);
        }
        int line = (int) diagnostic.getLineNumber();
        return "README.md line " + (snippet.fenceLine + line) + " (snippet of line " + snippet.fenceLine + "): "
                + diagnostic.getMessage(null) + "\n    " + snippet.line(line).strip();
    }

    /**
     * Returns the test classpath without the module's test classes: what an application using
     * the module sees. Surefire puts it in {@code surefire.test.class.path}.
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
    public static final class Snippet extends SimpleJavaFileObject {

        private final int fenceLine;

        private final List<String> lines;

        private Snippet(int fenceLine, List<String> lines) {
            super(URI.create("string:///README_line_" + fenceLine + ".java"), Kind.SOURCE);
            this.fenceLine = fenceLine;
            this.lines = lines;
        }

        private String line(int snippetLine) {
            return (snippetLine >= 1 && snippetLine <= this.lines.size()) ? this.lines.get(snippetLine - 1) : "";
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return String.join("\n", this.lines) + "\n";
        }
    }
}
