package io.github.twilioauth.webhook.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

import io.github.twilioauth.webhook.ResponseRecorder;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The response to a request that carries an idempotency token: once a {@link ResponseRecorder}
 * is attached, what the handler writes goes to the client as it would and, as it goes, to the
 * recorder (bytes through the output stream, characters encoded with the response's charset
 * through the writer). Nothing is held back or delayed.
 */
final class RecordingResponse extends HttpServletResponseWrapper {

    // Set by the interceptor on the request's thread before the handler runs; read by the
    // handler's writes and the filter, which the container orders after it.
    private volatile @Nullable ResponseRecorder recorder;

    // Whether the body was written to before a recorder was attached: then none is.
    private boolean written;

    private @Nullable ServletOutputStream outputStream;

    private @Nullable PrintWriter writer;

    // The writer's characters on their way to the recorder, encoded; flushed before the end.
    private @Nullable Writer copiedCharacters;

    RecordingResponse(HttpServletResponse response) {
        super(response);
    }

    /**
     * Attaches the recorder, unless the response has been written to already.
     * @return whether it was attached; if not, the caller abandons it
     */
    boolean record(ResponseRecorder recorder) {
        if (this.written || isCommitted()) {
            return false;
        }
        this.recorder = recorder;
        return true;
    }

    /**
     * Ends the recording with the response as written, if a recorder is attached.
     */
    void finish() {
        ResponseRecorder recording = this.recorder;
        if (recording == null) {
            return;
        }
        try {
            if (this.copiedCharacters != null) {
                this.copiedCharacters.flush();
            }
            recording.finish(getStatus(), getContentType());
        }
        catch (IOException | RuntimeException ex) {
            recording.abandon();
        }
    }

    /**
     * Ends the recording without a record, if a recorder is attached.
     */
    void abandon() {
        ResponseRecorder recording = this.recorder;
        if (recording != null) {
            recording.abandon();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        ResponseRecorder recording = this.recorder;
        if (recording == null) {
            this.written = true;
            return super.getOutputStream();
        }
        if (this.outputStream == null) {
            this.outputStream = new CopyingOutputStream(super.getOutputStream(), recording);
        }
        return this.outputStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        ResponseRecorder recording = this.recorder;
        if (recording == null) {
            this.written = true;
            return super.getWriter();
        }
        if (this.writer == null) {
            PrintWriter target = super.getWriter();
            Writer copy = new OutputStreamWriter(new RecorderStream(recording),
                    Charset.forName(getCharacterEncoding()));
            this.copiedCharacters = copy;
            this.writer = new CopyingWriter(target, copy);
        }
        return this.writer;
    }

    @Override
    public void reset() {
        super.reset();
        forgetCopied();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        forgetCopied();
    }

    private void forgetCopied() {
        ResponseRecorder recording = this.recorder;
        if (recording != null) {
            try {
                if (this.copiedCharacters != null) {
                    this.copiedCharacters.flush();
                }
            }
            catch (IOException ex) {
                // Copied to memory only: no I/O to fail.
            }
            recording.reset();
        }
    }

    /** Bytes to the recorder. */
    private static final class RecorderStream extends OutputStream {

        private final ResponseRecorder recorder;

        RecorderStream(ResponseRecorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void write(int b) {
            this.recorder.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            this.recorder.write(bytes, offset, length);
        }
    }

    /** The response's output stream, each byte written copied to the recorder. */
    private static final class CopyingOutputStream extends ServletOutputStream {

        private final ServletOutputStream target;

        private final ResponseRecorder recorder;

        CopyingOutputStream(ServletOutputStream target, ResponseRecorder recorder) {
            this.target = target;
            this.recorder = recorder;
        }

        @Override
        public void write(int b) throws IOException {
            this.target.write(b);
            this.recorder.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            this.target.write(bytes, offset, length);
            this.recorder.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            this.target.flush();
        }

        @Override
        public void close() throws IOException {
            this.target.close();
        }

        @Override
        public boolean isReady() {
            return this.target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.target.setWriteListener(listener);
        }
    }

    /** The response's writer, each character written copied, encoded, to the recorder. */
    private static final class CopyingWriter extends PrintWriter {

        private final Writer copy;

        CopyingWriter(PrintWriter target, Writer copy) {
            super(target);
            this.copy = copy;
        }

        @Override
        public void write(int c) {
            super.write(c);
            copy(() -> this.copy.write(c));
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            super.write(chars, offset, length);
            copy(() -> this.copy.write(chars, offset, length));
        }

        @Override
        public void write(String string, int offset, int length) {
            super.write(string, offset, length);
            copy(() -> this.copy.write(string, offset, length));
        }

        // PrintWriter writes the line separator straight to its target, past write(String).
        @Override
        public void println() {
            write(System.lineSeparator());
        }

        private static void copy(CopyAction action) {
            try {
                action.run();
            }
            catch (IOException ex) {
                // Copied to memory only: no I/O to fail.
            }
        }

        @FunctionalInterface
        private interface CopyAction {

            void run() throws IOException;
        }
    }
}
