package io.github.camelsaas.common.ratelimit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * One Lua script run atomically on the Redis server. Sent by its SHA-1 (EVALSHA), so each call carries a few bytes
 * rather than the script; when the server does not know it yet (a restart, a failover, SCRIPT FLUSH) the answer is
 * NOSCRIPT and the call is sent once more with the whole script (EVAL), which also caches it for the next calls.
 */
final class RedisScript {

    private final String name;
    private final String source;
    private final String sha1;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1(source);
    }

    /** The script {@code name}.lua beside this class. */
    static RedisScript load(String name) {
        try (InputStream in = RedisScript.class.getResourceAsStream(name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("the Lua script " + name + ".lua is missing from the classpath");
            }
            return new RedisScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + name + ".lua", e);
        }
    }

    /** Runs the script; its integer answer, or the failure Redis or the connection gave. */
    CompletableFuture<Long> run(RedisAsyncCommands<String, String> commands, String[] keys, String... args) {
        return run(commands, ScriptOutputType.INTEGER, keys, args);
    }

    /** Runs a script answering a list (integers and strings). */
    CompletableFuture<List<Object>> runForList(RedisAsyncCommands<String, String> commands, String[] keys,
                                               String... args) {
        return run(commands, ScriptOutputType.MULTI, keys, args);
    }

    private <T> CompletableFuture<T> run(RedisAsyncCommands<String, String> commands, ScriptOutputType type,
                                         String[] keys, String... args) {
        CompletableFuture<T> bySha = commands.<T>evalsha(sha1, type, keys, args).toCompletableFuture();
        return bySha.exceptionallyCompose(failure -> isNoScript(failure)
                ? commands.<T>eval(source, type, keys, args).toCompletableFuture()
                : CompletableFuture.failedFuture(failure));
    }

    String sha1() {
        return sha1;
    }

    private static boolean isNoScript(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RedisNoScriptException
                || (cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT"));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    @Override
    public String toString() {
        return "RedisScript[" + name + " " + sha1 + "]";
    }
}
