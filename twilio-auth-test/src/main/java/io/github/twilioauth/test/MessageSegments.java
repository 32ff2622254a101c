package io.github.twilioauth.test;

import org.jspecify.annotations.Nullable;

/**
 * Counts the SMS segments of a message body as carriers do: GSM-7 bodies fit 160 septets in one
 * segment and 153 per segment when split; any other character makes the body UCS-2, with 70
 * UTF-16 units in one segment and 67 per segment when split.
 */
final class MessageSegments {

    // The GSM 03.38 basic character set, without the escape to the extension table.
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Characters of the extension table, each taking an escape septet plus its own.
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private MessageSegments() {
    }

    /**
     * Returns the number of segments, at least one (a media-only message is one).
     */
    static int count(@Nullable String body) {
        if (body == null || body.isEmpty()) {
            return 1;
        }
        int septets = gsmSeptets(body);
        if (septets >= 0) {
            return segments(septets, 160, 153);
        }
        return segments(body.length(), 70, 67);
    }

    private static int gsmSeptets(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char character = body.charAt(i);
            if (GSM_BASIC.indexOf(character) >= 0) {
                septets++;
            }
            else if (GSM_EXTENSION.indexOf(character) >= 0) {
                septets += 2;
            }
            else {
                return -1;
            }
        }
        return septets;
    }

    private static int segments(int units, int single, int perPart) {
        return (units <= single) ? 1 : (units + perPart - 1) / perPart;
    }
}
