package io.pgbackupwizard.web;

/**
 * An IPv6 address as RFC 5952 writes it ("::1", "2001:db8::1"), for links users read and copy: Java and Vert.x
 * give the full eight-group form ("0:0:0:0:0:0:0:1").
 */
final class Ipv6Text {

    private Ipv6Text() {}

    /** The canonical text of an eight-group address; anything else (IPv4, already short, a zone) as it is. */
    static String canonical(String address) {
        String[] groups = address.split(":", -1);
        if (groups.length != 8) return address;
        for (int i = 0; i < 8; i++) {
            if (!groups[i].matches("[0-9A-Fa-f]{1,4}")) return address;
            groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16)); // lower case, no leading zeros
        }
        // The longest run of two or more zero groups becomes "::" (the first, on a tie).
        int bestStart = -1, bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j].equals("0")) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestStart < 0) return String.join(":", groups);
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, 8));
        return head + "::" + tail;
    }
}
