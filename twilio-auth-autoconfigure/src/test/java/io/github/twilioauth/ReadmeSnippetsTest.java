package io.github.twilioauth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.twilioauth.testsupport.ReadmeSnippets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippets of the project's {@code README.md} compile as shown, against this module:
 * every block fenced {@code java}, by the convention {@link ReadmeSnippets} describes. The blocks
 * fenced {@code java twilio-auth-sdk} use twilio-java, which this module never sees; the SDK
 * bridge module compiles them.
 */
class ReadmeSnippetsTest {

    @Test
    void everyJavaSnippetCompiles(@TempDir Path classes) throws IOException {
        List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.blocksOf("");

        assertThat(snippets).as("Java snippets in README.md").hasSizeGreaterThan(10);
        assertThat(ReadmeSnippets.compileErrors(snippets, classes)).as("README.md snippets that do not compile")
            .isEmpty();
    }
}
