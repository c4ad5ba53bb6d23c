package io.github.camelsaas.simulator.kustomer;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Ids shaped like Kustomer's: 24 hex digits, a MongoDB ObjectId (4 bytes of epoch seconds, 5 random bytes chosen
 * once per process, a 3-byte counter). Clients that check the shape, or sort by it, see what they would in production.
 */
final class ObjectIds {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-fA-F]{24}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final byte[] PROCESS_UNIQUE = new byte[5];
    private static final AtomicInteger COUNTER;

    static {
        SecureRandom random = new SecureRandom();
        random.nextBytes(PROCESS_UNIQUE);
        COUNTER = new AtomicInteger(random.nextInt(0x1000000));
    }

    private ObjectIds() {
    }

    static String next() {
        int seconds = (int) (System.currentTimeMillis() / 1000);
        int counter = COUNTER.getAndIncrement() & 0xFFFFFF;
        byte[] bytes = new byte[12];
        bytes[0] = (byte) (seconds >>> 24);
        bytes[1] = (byte) (seconds >>> 16);
        bytes[2] = (byte) (seconds >>> 8);
        bytes[3] = (byte) seconds;
        System.arraycopy(PROCESS_UNIQUE, 0, bytes, 4, 5);
        bytes[9] = (byte) (counter >>> 16);
        bytes[10] = (byte) (counter >>> 8);
        bytes[11] = (byte) counter;
        char[] hex = new char[24];
        for (int i = 0; i < 12; i++) {
            hex[2 * i] = HEX[(bytes[i] >>> 4) & 0xF];
            hex[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(hex);
    }

    static boolean isObjectId(Object value) {
        return value instanceof String s && SHAPE.matcher(s).matches();
    }
}
