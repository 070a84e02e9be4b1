package io.pgbackupwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The connection's address in links: RFC 5952's recommendations (section 4), on the examples of its sections 4.2 and 4.3. */
class BaseUrlIpTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0:0:0:0:0:0:0:1 | ::1",
            "0:0:0:0:0:0:0:0 | ::",
            "2001:db8:0:0:0:0:2:1 | 2001:db8::2:1",
            "2001:0db8:0000:0000:0000:0000:0002:0001 | 2001:db8::2:1",
            "2001:db8:0:1:1:1:1:1 | 2001:db8:0:1:1:1:1:1", // one zero group is not shortened
            "2001:0:0:1:0:0:0:1 | 2001:0:0:1::1", // the longest run
            "2001:db8:0:0:1:0:0:1 | 2001:db8::1:0:0:1", // the first of two equal runs
            "FE80:0:0:0:0:0:0:ABCD | fe80::abcd", // lower case
            "fe80:0:0:0:0:0:0:1%eth0 | fe80:0:0:0:0:0:0:1%eth0", // a zone: left as it is
            "127.0.0.1 | 127.0.0.1",
            "::1 | ::1",
    })
    void canonicalText(String address, String expected) {
        assertEquals(expected, BaseUrl.ipText(address));
    }
}
