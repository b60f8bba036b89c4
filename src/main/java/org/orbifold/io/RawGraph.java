package org.orbifold.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph as a reader finds it, before encoding: per node and per ordered pair of nodes a map
 * from attribute name to value, where a {@link String} value is a discrete label and a
 * {@link Double} value a number. An undirected edge is stored as two ordered pairs with equal
 * maps; the counts of edges written once as undirected or as directed tell the encoding's note
 * why graphs are undirected. Package-private; not thread-safe.
 */
final class RawGraph {

    final String name;
    final String classLabel;
    final List<Map<String, Object>> nodes = new ArrayList<>();
    final Map<Long, Map<String, Object>> edges = new LinkedHashMap<>();
    /**
     * Edges the file wrote once as undirected (a GXL {@code edgemode} or {@code isdirected}, a
     * molecule's bond), each stored as both ordered pairs; 0 for a format that lists ordered
     * pairs only (TU).
     */
    int undirectedListings;
    /** Edges the file wrote as directed although it could declare them undirected (GXL). */
    int directedListings;
    /**
     * What makes the edges of {@link #undirectedListings} undirected, completing "every edge
     * is ...", such as "undirected by the GXL edgemode or isdirected"; null when there are none.
     */
    String undirectedBy;

    /**
     * @param name the graph name
     * @param classLabel the class label, or null when the data has no classes
     */
    RawGraph(String name, String classLabel) {
        this.name = name;
        this.classLabel = classLabel;
    }

    int order() {
        return nodes.size();
    }

    static long pair(int source, int target) {
        return ((long) source << 32) | (target & 0xffffffffL);
    }

    static int source(long pair) {
        return (int) (pair >>> 32);
    }

    static int target(long pair) {
        return (int) pair;
    }

    /** Returns whether every ordered pair has its reverse with equal attributes. */
    boolean isSymmetric() {
        for (Map.Entry<Long, Map<String, Object>> e : edges.entrySet()) {
            long p = e.getKey();
            Map<String, Object> reverse = edges.get(pair(target(p), source(p)));
            if (reverse == null || !reverse.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Returns the first ordered pair without an equal reverse, as "(i, j)", or null. */
    String firstAsymmetricPair() {
        for (Map.Entry<Long, Map<String, Object>> e : edges.entrySet()) {
            long p = e.getKey();
            Map<String, Object> reverse = edges.get(pair(target(p), source(p)));
            if (reverse == null || !reverse.equals(e.getValue())) {
                return "(" + source(p) + ", " + target(p) + ")"
                        + (reverse == null ? " has no reverse pair" : " differs from its reverse");
            }
        }
        return null;
    }
}
