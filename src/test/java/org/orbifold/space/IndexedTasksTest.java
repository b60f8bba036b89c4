package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexedTasksTest {

    @Test
    void nullArgumentsAreNamed() {
        NullPointerException task = assertThrows(NullPointerException.class,
                () -> IndexedTasks.map(1, null, null));
        assertEquals("task", task.getMessage());
        NullPointerException executor = assertThrows(NullPointerException.class,
                () -> IndexedTasks.map(1, i -> i, null));
        assertEquals("executor", executor.getMessage());
        assertEquals(List.of(0, 2, 4), IndexedTasks.map(3, i -> 2 * i, Runnable::run));
    }
}
