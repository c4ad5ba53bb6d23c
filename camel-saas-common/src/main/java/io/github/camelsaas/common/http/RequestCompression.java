package io.github.camelsaas.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Decides whether a request body is sent gzipped, and gzips it. */
final class RequestCompression {

    private final boolean enabled;
    private final int thresholdBytes;

    RequestCompression(HttpTransportOptions options) {
        this.enabled = options.compressRequests();
        this.thresholdBytes = options.gzipThresholdBytes();
    }

    /** Small bodies are left alone: below about a kilobyte gzip saves little and can even add bytes. */
    boolean shouldCompress(byte[] body) {
        return enabled && body != null && body.length >= thresholdBytes;
    }

    static byte[] gzip(byte[] body) {
        // JSON typically shrinks to a fifth or less, so start the buffer there
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
