package dev.memdebug.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlertTargetTest {

    @Test
    void displayKeepsSchemeHostAndPortAndHidesTheSecretParts() {
        assertEquals("https://hooks.slack.com/…",
                AlertTarget.parse("https://hooks.slack.com/services/T000/B000/XXXXSECRET").display());
        assertEquals("http://127.0.0.1:8123/…", AlertTarget.parse("http://127.0.0.1:8123/hook?token=SECRET").display());
        assertEquals("https://example.com/…", AlertTarget.parse("https://user:SECRET@example.com").display());
        assertEquals("https://example.com/", AlertTarget.parse("https://example.com/").display());
        AlertTarget t = AlertTarget.parse(" https://discord.com/api/webhooks/1/SECRET ");
        assertFalse(t.toString().contains("SECRET"), t.toString());
        assertEquals("/api/webhooks/1/SECRET", t.uri().getPath());
    }

    @Test
    void rejectsWhatIsNotAnHttpUrlWithoutRepeatingIt() {
        IllegalArgumentException ftp = assertThrows(IllegalArgumentException.class, () -> AlertTarget.parse("ftp://h/SECRET"));
        assertEquals("expects an http:// or https:// URL, not one with scheme 'ftp'", ftp.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> AlertTarget.parse("hooks.slack.com/SECRET"));
        assertTrue(none.getMessage().contains("scheme '(none)'"), none.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> AlertTarget.parse("https://h/a b SECRET"));
        assertFalse(bad.getMessage().contains("SECRET"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlertTarget.parse("https:///nohost"));
    }
}
