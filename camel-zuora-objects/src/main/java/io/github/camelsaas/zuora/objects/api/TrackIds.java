package io.github.camelsaas.zuora.objects.api;

/**
 * Zuora's rule for the {@code Zuora-Track-Id} header: at most 64 US-ASCII characters, none of
 * {@code : ; " '}. Control characters (CR and LF among them) are refused too, so a value can never split a header.
 */
public final class TrackIds {

    public static final int MAX_LENGTH = 64;

    private TrackIds() {
    }

    /**
     * @param  source                   where the value came from (an option or a header), named in the error
     * @return                          the value, unchanged
     * @throws IllegalArgumentException saying which rule it broke; the value itself is not quoted when it holds
     *                                  control characters
     */
    public static String require(String trackId, String source) {
        String problem = problem(trackId);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid Zuora-Track-Id in " + source + ": " + problem
                    + "; a track id has at most " + MAX_LENGTH + " US-ASCII characters, none of : ; \" '");
        }
        return trackId;
    }

    /** What is wrong with the value, or null when it is valid. */
    static String problem(String trackId) {
        if (trackId.length() > MAX_LENGTH) {
            return "it is " + trackId.length() + " characters long";
        }
        for (int i = 0; i < trackId.length(); i++) {
            char c = trackId.charAt(i);
            if (c == '\r' || c == '\n') {
                return "it contains a line break at position " + i;
            }
            if (c < 0x20 || c == 0x7F) {
                return "it contains a control character at position " + i;
            }
            if (c > 0x7F) {
                return "it contains a non-ASCII character at position " + i;
            }
            if (c == ':' || c == ';' || c == '"' || c == '\'') {
                return "it contains the forbidden character " + c + " at position " + i;
            }
        }
        return null;
    }
}
