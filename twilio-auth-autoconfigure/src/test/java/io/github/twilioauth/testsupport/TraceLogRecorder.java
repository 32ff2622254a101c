package io.github.twilioauth.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Turns the loggers of this library, Spring, the JDK HTTP client, Caffeine and twilio-java up to TRACE and
 * records every event as text: Logback events with their throwables, and JDK logging records
 * (bridged to SLF4J, and also read directly). {@link #stop()} puts everything back.
 */
public final class TraceLogRecorder {

    private static final List<String> LOGGERS = List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "io.github.twilioauth",
            "org.springframework", "org.springframework.web.client", "org.springframework.http",
            "jdk.internal.httpclient", "java.net.http", "jdk.httpclient.HttpClient", "com.github.benmanes.caffeine",
            "com.twilio");

    private final Queue<String> logged = new ConcurrentLinkedQueue<>();

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    private final Map<String, Level> previousLevels = new LinkedHashMap<>();

    private final Map<java.util.logging.Logger, java.util.logging.Level> previousJdkLevels = new LinkedHashMap<>();

    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

    private final Appender<ILoggingEvent> recorder = new AppenderBase<>() {

        @Override
        protected void append(ILoggingEvent event) {
            String throwable = (event.getThrowableProxy() != null)
                    ? "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()) : "";
            TraceLogRecorder.this.logged
                .add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage() + throwable);
        }
    };

    private final Handler jdkRecorder = new Handler() {

        @Override
        public void publish(LogRecord record) {
            String thrown = (record.getThrown() != null) ? " " + ThrowablesText.of(record.getThrown()) : "";
            TraceLogRecorder.this.logged.add("JUL " + record.getLoggerName() + " " + record.getMessage() + " "
                    + Arrays.toString(record.getParameters()) + thrown);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private boolean installedBridge;

    /**
     * Starts recording. The root logger's own appenders (the console) are detached meanwhile, so
     * that TRACE output stays out of the build log; everything they would have written is
     * recorded here instead.
     * @return this recorder
     */
    public TraceLogRecorder start() {
        for (String name : LOGGERS) {
            Logger logger = this.context.getLogger(name);
            this.previousLevels.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        Logger root = this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.iteratorForAppenders().forEachRemaining(this.detached::add);
        this.detached.forEach(root::detachAppender);
        this.recorder.setContext(this.context);
        this.recorder.start();
        root.addAppender(this.recorder);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.install();
            this.installedBridge = true;
        }
        java.util.logging.Logger jdkRoot = java.util.logging.Logger.getLogger("");
        jdkRoot.addHandler(this.jdkRecorder);
        for (String name : LOGGERS) {
            java.util.logging.Logger logger = java.util.logging.Logger
                .getLogger(name.equals(org.slf4j.Logger.ROOT_LOGGER_NAME) ? "" : name);
            this.previousJdkLevels.put(logger, logger.getLevel());
            logger.setLevel(java.util.logging.Level.ALL);
        }
        return this;
    }

    /**
     * Stops recording and puts the levels and appenders back.
     */
    public void stop() {
        java.util.logging.Logger.getLogger("").removeHandler(this.jdkRecorder);
        this.previousJdkLevels.forEach(java.util.logging.Logger::setLevel);
        if (this.installedBridge) {
            SLF4JBridgeHandler.uninstall();
        }
        Logger root = this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(this.recorder);
        this.recorder.stop();
        this.detached.forEach(root::addAppender);
        this.previousLevels.forEach((name, level) -> this.context.getLogger(name).setLevel(level));
    }

    /**
     * Returns everything recorded since the last call, and forgets it.
     * @return the recorded texts, oldest first
     */
    public List<String> drain() {
        List<String> drained = new ArrayList<>();
        for (String text = this.logged.poll(); text != null; text = this.logged.poll()) {
            drained.add(text);
        }
        return drained;
    }
}
