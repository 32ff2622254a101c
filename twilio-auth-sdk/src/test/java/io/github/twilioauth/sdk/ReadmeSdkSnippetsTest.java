package io.github.twilioauth.sdk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.twilioauth.testsupport.ReadmeSnippets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippets of {@code README.md} that use twilio-java compile as shown: the blocks fenced
 * {@code java twilio-auth-sdk}, compiled against the main classes and dependencies of this
 * module, without the README's other blocks (see {@link ReadmeSnippets}).
 */
class ReadmeSdkSnippetsTest {

    @Test
    void everySdkSnippetCompiles(@TempDir Path classes) throws IOException {
        List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.blocksOf("twilio-auth-sdk");

        assertThat(snippets).as("twilio-java snippets in README.md").isNotEmpty();
        assertThat(ReadmeSnippets.compileErrors(snippets, classes)).as("README.md snippets that do not compile")
            .isEmpty();
    }
}
