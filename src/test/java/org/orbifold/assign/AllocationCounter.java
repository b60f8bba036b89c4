package org.orbifold.assign;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/** The JDK's per-thread allocation counter for the allocation tests of this package. */
final class AllocationCounter {

    private AllocationCounter() {
    }

    /**
     * Returns the counter, or skips the calling test (an assumption fails) when the JVM does
     * not expose per-thread allocation counts or has them switched off.
     */
    static com.sun.management.ThreadMXBean require() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "the JVM does not expose per-thread allocation counts");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(counter.isThreadAllocatedMemorySupported()
                && counter.isThreadAllocatedMemoryEnabled(), "allocation counting is off");
        return counter;
    }
}
