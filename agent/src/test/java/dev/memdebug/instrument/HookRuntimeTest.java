package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.monitor.AppActivity;
import dev.memdebug.ops.Operation;
import dev.memdebug.ops.RecentOperations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookRuntimeTest {

    @Test
    void countersOperationsAndLimitWithItsCause() {
        HookPlan plan = HookConfigParserTest.parse(
                "hook.created.method = a.Sessions#create",
                "hook.created.label = Session Created",
                "hook.created.context = User {arg0} - Total sessions: {count:sessions}",
                "hook.created.counter = sessions +1",
                "counter.sessions.label = Sessions",
                "limit.sessions = 2");
        HookRuntime runtime = new HookRuntime(plan, 64);
        runtime.bind(() -> 300L * 1024 * 1024, () -> { });
        for (long user = 1; user <= 3; user++) {
            long start = runtime.enter(0, new Object[] {user});
            runtime.exit(0, start, new Object[] {user}, null, null);
        }
        long start = runtime.enter(0, new Object[] {9L});
        runtime.exit(0, start, new Object[] {9L}, null, new IllegalStateException("full"));
        RecentOperations recent = new RecentOperations(16);
        List<String> limits = new ArrayList<>();
        runtime.drain(recent, 1, new AppActivity.LimitListener() {
            @Override
            public void exceeded(long timeMillis, String label, long value, long limit, Operation cause) {
                limits.add(label + " " + value + " > " + limit + " by " + cause.context());
            }

            @Override
            public void notice(String message) {
            }
        });
        assertEquals(3, runtime.counter("sessions", plan));
        assertEquals(List.of("Sessions 3 > 2 by User 3 - Total sessions: 3"), limits);
        List<Operation> ops = recent.last(10);
        assertEquals(4, ops.size());
        assertEquals("Session Created", ops.get(0).label());
        assertEquals("User 1 - Total sessions: 1", ops.get(0).context());
        assertEquals(300L * 1024 * 1024, ops.get(0).memoryBytes());
        assertEquals("Session Created Failed", ops.get(3).label());
        assertEquals("Sessions", runtime.metrics().get(0).label());
        assertEquals(3, runtime.metrics().get(0).value());
    }

    @Test
    void everyLoggedCallIsInTheJournalBeforeTheMonitorDrainsAnything(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        HookPlan plan = HookConfigParserTest.parse(
                "hook.dl.method = a.Downloads#run",
                "hook.dl.label = Download",
                "hook.dl.log = both",
                "hook.dl.context = User {arg0}",
                "hook.count.method = a.Downloads#count",
                "hook.count.log = none",
                "hook.count.counter = n +1");
        java.nio.file.Path file = dir.resolve("memory_debug.ops");
        dev.memdebug.ops.OperationJournal journal = dev.memdebug.ops.OperationJournal.create(file, 1, 0, 16, java.time.ZoneOffset.UTC);
        HookRuntime runtime = new HookRuntime(plan, 64);
        runtime.bind(() -> 300L * 1024 * 1024, () -> { });
        runtime.exit(1, runtime.enter(1), null);
        runtime.exit(0, runtime.enter(0, new Object[] {"before"}), new Object[] {"before"}, null, null);
        runtime.attachJournal(journal);
        long start = runtime.enter(0, new Object[] {"Zoë"});
        runtime.exit(0, start, new Object[] {"Zoë"}, null, null);
        start = runtime.enter(0, new Object[] {42});
        runtime.exit(0, start, new Object[] {42}, null, new IllegalStateException("disk full"));
        runtime.exit(1, runtime.enter(1), null);
        assertEquals(List.of("Download Started - 300.0 MB - User Zoë", "Download Completed - 300.0 MB - User Zoë",
                        "Download Started - 300.0 MB - User 42", "Download Failed - 300.0 MB - User 42"),
                dev.memdebug.ops.PreviousJournal.read(file).entries().stream().map(dev.memdebug.ops.PreviousJournal.Entry::operation).toList(),
                "labels as the log writes them, from the moment the journal is attached; the counter-only hook stores nothing");
    }

    @Test
    void counterOnlyHookNeedsNoValues() {
        HookPlan plan = HookConfigParserTest.parse("hook.c.method = a.B#c", "hook.c.counter = n +1 on enter, -1 on exit", "hook.c.log = none");
        HookRuntime runtime = new HookRuntime(plan, 64);
        long start = runtime.enter(0);
        assertEquals(1, runtime.counter("n", plan));
        runtime.exit(0, start, null);
        assertEquals(0, runtime.counter("n", plan));
        RecentOperations recent = new RecentOperations(4);
        runtime.drain(recent, 1, new AppActivity.LimitListener() {
            @Override
            public void exceeded(long t, String l, long v, long lim, Operation c) {
            }

            @Override
            public void notice(String m) {
            }
        });
        assertNull(recent.latest());
        assertTrue(plan.problems().isEmpty());
    }

    @Test
    void aLimitCrossedOnEntryNamesTheEnteringCallAsItsCause() {
        HookPlan plan = HookConfigParserTest.parse(
                "hook.dl.method = a.Downloader#download",
                "hook.dl.label = Download",
                "hook.dl.log = both",
                "hook.dl.context = {arg0} | Active: {count:active}",
                "hook.dl.counter = active +1 on enter, -1 on exit",
                "counter.active.label = Active DLs",
                "limit.active = 1");
        HookRuntime runtime = new HookRuntime(plan, 64);
        runtime.bind(() -> 100L * 1024 * 1024, () -> { });
        runtime.enter(0, new Object[] {"first.zip"});
        runtime.enter(0, new Object[] {"second.zip"});
        List<String> limits = new ArrayList<>();
        RecentOperations recent = new RecentOperations(16);
        runtime.drain(recent, 1, new AppActivity.LimitListener() {
            @Override
            public void exceeded(long timeMillis, String label, long value, long limit, Operation cause) {
                limits.add(label + " " + value + " > " + limit + " by " + cause.label() + ": " + cause.context());
            }

            @Override
            public void notice(String message) {
            }
        });
        assertEquals(List.of("Active DLs 2 > 1 by Download Started: second.zip | Active: 2"), limits);
    }

    @Test
    void everyOperationWakesTheMonitorOnlyWhileItAsks() {
        HookPlan plan = HookConfigParserTest.parse(
                "hook.chunk.method = a.App#allocate",
                "hook.chunk.label = Chunk",
                "hook.chunk.log = enter");
        HookRuntime runtime = new HookRuntime(plan, 64);
        java.util.concurrent.atomic.AtomicInteger wakes = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean critical = new java.util.concurrent.atomic.AtomicBoolean();
        runtime.bind(() -> 1L, wakes::incrementAndGet, critical::get);
        runtime.exit(0, runtime.enter(0), null);
        runtime.exit(0, runtime.enter(0), null);
        assertEquals(0, wakes.get(), "a queue far from full needs no wake");
        critical.set(true);
        runtime.exit(0, runtime.enter(0), null);
        runtime.exit(0, runtime.enter(0), null);
        assertEquals(2, wakes.get());
    }
}
