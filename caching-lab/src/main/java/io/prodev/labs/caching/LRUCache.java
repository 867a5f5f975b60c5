package io.prodev.labs.caching;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Least recently used: when full, a new key evicts the key whose latest put or get is the oldest.
 * Every get and put is O(1): a hash map finds a key's node in a doubly linked list kept in order of use.
 */
public class LRUCache extends BaseCaching {
    // BEGIN SOLUTION: remove
    private final int capacity;
    private final Map<String, Node> nodes = new HashMap<>();
    // The list is a ring closed by one sentinel: sentinel.next is the most recently used node,
    // sentinel.prev the least recently used, and no link is ever null, so no edge cases.
    private final Node sentinel = new Node(null, null);

    private static final class Node {
        final String key;
        Object item;
        Node prev = this;
        Node next = this;

        Node(String key, Object item) {
            this.key = key;
            this.item = item;
        }
    }
    // END SOLUTION

    /** A cache of {@link #MAX_ITEMS} items that prints on standard output. */
    public LRUCache() {
        this(MAX_ITEMS);
    }

    /** A cache of {@code capacity} items that prints on standard output. */
    public LRUCache(int capacity) {
        this(capacity, STANDARD_OUT);
    }

    /**
     * @param capacity how many items the cache holds, at least 1
     * @param out      where eviction notices and {@link #printCache()} write their lines
     * @throws IllegalArgumentException when {@code capacity} is below 1
     */
    public LRUCache(int capacity, Consumer<String> out) {
        super(out);
        // BEGIN SOLUTION
        this.capacity = requireCapacity(capacity);
        // END SOLUTION
    }

    @Override
    public void put(String key, Object item) {
        // BEGIN SOLUTION
        if (key == null || item == null) {
            return;
        }
        Node node = nodes.get(key);
        if (node != null) {
            node.item = item;
            moveToFront(node);
            return;
        }
        if (nodes.size() == capacity) {
            // The back of the list has gone unused the longest.
            Node victim = sentinel.prev;
            unlink(victim);
            nodes.remove(victim.key);
            discard(victim.key);
        }
        node = new Node(key, item);
        nodes.put(key, node);
        linkAtFront(node);
        // END SOLUTION
    }

    @Override
    public Object get(String key) {
        // BEGIN SOLUTION
        Node node = key == null ? null : nodes.get(key);
        if (node == null) {
            return null;
        }
        moveToFront(node);
        return node.item;
        // END SOLUTION
    }

    @Override
    protected Map<String, Object> snapshot() {
        // BEGIN SOLUTION
        Map<String, Object> copy = new HashMap<>();
        nodes.forEach((key, node) -> copy.put(key, node.item));
        return copy;
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private void moveToFront(Node node) {
        unlink(node);
        linkAtFront(node);
    }

    private void linkAtFront(Node node) {
        node.prev = sentinel;
        node.next = sentinel.next;
        sentinel.next.prev = node;
        sentinel.next = node;
    }

    private static void unlink(Node node) {
        node.prev.next = node.next;
        node.next.prev = node.prev;
    }
    // END SOLUTION
}
