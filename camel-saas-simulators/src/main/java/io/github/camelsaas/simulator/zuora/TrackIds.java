package io.github.camelsaas.simulator.zuora;

/** Zuora's rule for the {@code Zuora-Track-Id} header: at most 64 US-ASCII characters, none of {@code : ; " '}. */
final class TrackIds {

    static final String HEADER = "Zuora-Track-Id";
    static final int MAX_LENGTH = 64;

    private TrackIds() {
    }

    static boolean isValid(String trackId) {
        if (trackId.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < trackId.length(); i++) {
            char c = trackId.charAt(i);
            if (c > 0x7E || c < 0x20 || c == ':' || c == ';' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }
}
