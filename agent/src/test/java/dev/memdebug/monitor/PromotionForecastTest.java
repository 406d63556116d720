package dev.memdebug.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PromotionForecastTest {

    private static final long MB = 1024 * 1024;
    private final AtomicLong young = new AtomicLong(30 * MB);
    private final PromotionForecast forecast = new PromotionForecast(young::get);

    @Test
    void nothingIsForecastBeforeTheFirstYoungCollection() {
        assertEquals(0, forecast.stepBytes());
    }

    @Test
    void aLeakPromotesTheWholeYoungGenerationAndTheStepIsItsOccupancy() {
        forecast.collected(true, serial(40, 0, 100), serial(0, 0, 140));
        assertEquals(1.0, forecast.share(), 1e-9);
        assertEquals(30 * MB, forecast.stepBytes());
        young.set(12 * MB);
        assertEquals(12 * MB, forecast.stepBytes());
    }

    @Test
    void aServiceWhoseYoungObjectsDieForecastsASmallStep() {
        forecast.collected(true, serial(40, 2, 100), serial(0, 2, 104.2));
        assertEquals(0.1, forecast.share(), 1e-6);
        assertEquals(3 * MB, forecast.stepBytes(), MB / 100.0);
    }

    @Test
    void theHighestShareOfTheLastFourCollectionsCounts() {
        forecast.collected(true, serial(40, 0, 100), serial(0, 0, 140));
        for (int i = 0; i < PromotionForecast.HISTORY - 1; i++) {
            forecast.collected(true, serial(40, 0, 140), serial(0, 0, 144));
            assertEquals(1.0, forecast.share(), 1e-9, "the leak's collection is still among the last four");
        }
        forecast.collected(true, serial(40, 0, 144), serial(0, 0, 148));
        assertEquals(0.1, forecast.share(), 1e-6);
    }

    @Test
    void fullCollectionsAndOddInputTeachNothing() {
        forecast.collected(false, serial(40, 0, 100), serial(0, 0, 20));
        forecast.collected(true, Map.of("Eden Space", usage(0)), Map.of("Eden Space", usage(0)));
        forecast.collected(true, Map.of("Eden Space", usage(40)), Map.of("Eden Space", usage(0)));
        assertEquals(0, forecast.share());
        forecast.collected(true, serial(40, 0, 100), serial(0, 0, 90));
        assertEquals(0, forecast.share(), "an old generation that shrank promoted nothing");
    }

    @Test
    void poolNamesOfTheCommonCollectors() {
        for (String name : new String[] {"Eden Space", "Survivor Space", "PS Eden Space", "PS Survivor Space", "G1 Eden Space", "G1 Survivor Space"}) {
            assertTrue(PromotionForecast.isYoung(name), name);
            assertFalse(PromotionForecast.isOld(name), name);
        }
        for (String name : new String[] {"Tenured Gen", "PS Old Gen", "G1 Old Gen"}) {
            assertTrue(PromotionForecast.isOld(name), name);
            assertFalse(PromotionForecast.isYoung(name), name);
        }
        for (String name : new String[] {"Metaspace", "Compressed Class Space", "CodeHeap 'non-nmethods'", "ZHeap"}) {
            assertFalse(PromotionForecast.isYoung(name) || PromotionForecast.isOld(name), name);
        }
    }

    @Test
    void theRealJvmsForecastReadsItsOwnPools() {
        PromotionForecast real = PromotionForecast.forThisJvm();
        assertEquals(0, real.stepBytes(), "nothing learned yet");
        real.collected(true, serial(40, 0, 100), serial(0, 0, 140));
        assertTrue(real.stepBytes() >= 0);
    }

    /** The Serial collector's pools: eden, survivor and tenured usage in MB. */
    private static Map<String, MemoryUsage> serial(double eden, double survivor, double tenured) {
        return Map.of("Eden Space", usage(eden), "Survivor Space", usage(survivor), "Tenured Gen", usage(tenured),
                "Metaspace", usage(20));
    }

    private static MemoryUsage usage(double mb) {
        long bytes = (long) (mb * MB);
        return new MemoryUsage(0, bytes, Math.max(bytes, 1), -1);
    }
}
