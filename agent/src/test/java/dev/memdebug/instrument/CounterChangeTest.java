package dev.memdebug.instrument;

import static dev.memdebug.instrument.CounterChange.Phase.ENTER;
import static dev.memdebug.instrument.CounterChange.Phase.EXIT;
import static dev.memdebug.instrument.CounterChange.Phase.FAIL;
import static dev.memdebug.instrument.CounterChange.Phase.RETURN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CounterChangeTest {

    @Test
    void parsesTheForms() {
        assertEquals(List.of(new CounterChange("sessions", 1, RETURN)), CounterChange.parse("sessions +1"));
        assertEquals(List.of(new CounterChange("active-downloads", 1, ENTER), new CounterChange("active-downloads", -1, EXIT)),
                CounterChange.parse("active-downloads +1 on enter, -1 on exit"));
        assertEquals(List.of(new CounterChange("a", 2, RETURN), new CounterChange("errors", 1, FAIL)),
                CounterChange.parse("a +2, errors +1 on fail"));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> CounterChange.parse("+1"));
        assertThrows(IllegalArgumentException.class, () -> CounterChange.parse("sessions"));
        assertThrows(IllegalArgumentException.class, () -> CounterChange.parse("sessions +x"));
        assertThrows(IllegalArgumentException.class, () -> CounterChange.parse("sessions +1 on lunch"));
        assertThrows(IllegalArgumentException.class, () -> CounterChange.parse("sessions +1,"));
    }
}
