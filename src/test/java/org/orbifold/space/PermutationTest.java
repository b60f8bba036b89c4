package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationTest {

    @Test
    void rejectsArraysThatAreNotPermutations() {
        assertThrows(IllegalArgumentException.class, () -> Permutation.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Permutation.of(0, 2));
        assertThrows(IllegalArgumentException.class, () -> Permutation.of(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Permutation.identity(-1));
    }

    @Test
    void inverseAndCompositionFollowTheGroupLaws() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(12);
            Permutation p = Permutation.random(n, random);
            Permutation q = Permutation.random(n, random);
            assertTrue(p.compose(p.inverse()).isIdentity());
            assertTrue(p.inverse().compose(p).isIdentity());
            for (int i = 0; i < n; i++) {
                assertEquals(p.get(q.get(i)), p.compose(q).get(i));
            }
            assertEquals(p.compose(q).inverse(), q.inverse().compose(p.inverse()));
        }
    }

    @Test
    void extendFixesTheNewElements() {
        Permutation p = Permutation.of(2, 0, 1).extend(5);
        assertArrayEquals(new int[] {2, 0, 1, 3, 4}, p.toArray());
        assertThrows(IllegalArgumentException.class, () -> p.extend(4));
    }

    @Test
    void theSameSeedGivesTheSameRandomPermutation() {
        assertEquals(Permutation.random(20, new SplittableRandom(3)),
                Permutation.random(20, new SplittableRandom(3)));
    }

    @Test
    void toArrayIsADefensiveCopy() {
        Permutation p = Permutation.of(1, 0);
        p.toArray()[0] = 0;
        assertEquals(1, p.get(0));
    }

    @Test
    void outOfRangeElementsAreNamedWithTheSize() {
        Permutation p = Permutation.of(2, 0, 1);
        for (int bad : new int[] {-1, 3, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> p.get(bad));
            assertEquals("element " + bad + " is outside the permutation of size 3 (elements"
                    + " 0..2)", e.getMessage());
        }
        assertEquals(1, p.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> Permutation.identity(0).get(0));
    }
}
