package io.kasumi.services.sqs;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A FIFO queue's messages by group, so a receive finds the deliverable ones without walking past
 * groups that are blocked: a group delivers its visible messages in order, up to its first hidden
 * (in flight or delayed) one. Not thread-safe: the owning queue's lock guards it.
 */
final class FifoGroups {
    private final Map<String, Group> groups = new HashMap<>();
    /** The groups with a deliverable message, by the sequence of the first one. */
    private final TreeMap<Long, String> open = new TreeMap<>();

    private static final class Group {
        final TreeMap<Long, MessageRecord> visible = new TreeMap<>();
        final TreeSet<Long> hidden = new TreeSet<>();
        Long openAt;
    }

    void addVisible(MessageRecord message) {
        Group group = group(message.groupId());
        group.visible.put(message.sequence(), message);
        reopen(message.groupId(), group);
    }

    void removeVisible(MessageRecord message) {
        Group group = groups.get(message.groupId());
        if (group != null && group.visible.remove(message.sequence()) != null) {
            reopen(message.groupId(), group);
        }
    }

    void addHidden(MessageRecord message) {
        Group group = group(message.groupId());
        group.hidden.add(message.sequence());
        reopen(message.groupId(), group);
    }

    void removeHidden(MessageRecord message) {
        Group group = groups.get(message.groupId());
        if (group != null && group.hidden.remove(message.sequence())) {
            reopen(message.groupId(), group);
        }
    }

    void clear() {
        groups.clear();
        open.clear();
    }

    /** The deliverable messages across groups, in send order (a merge of each open group's run). */
    Iterator<MessageRecord> deliverable() {
        Iterator<String> openGroups = open.values().iterator();
        PriorityQueue<Run> runs = new PriorityQueue<>(Comparator.comparingLong(run -> run.head.sequence()));
        return new Iterator<>() {
            private Group nextGroup = nextOpen();

            private Group nextOpen() {
                return openGroups.hasNext() ? groups.get(openGroups.next()) : null;
            }

            @Override
            public boolean hasNext() {
                return nextGroup != null || !runs.isEmpty();
            }

            @Override
            public MessageRecord next() {
                if (nextGroup != null && (runs.isEmpty() || nextGroup.openAt < runs.peek().head.sequence())) {
                    Iterator<MessageRecord> run = nextGroup.hidden.isEmpty()
                            ? nextGroup.visible.values().iterator()
                            : nextGroup.visible.headMap(nextGroup.hidden.first(), false).values().iterator();
                    runs.add(new Run(run.next(), run));
                    nextGroup = nextOpen();
                }
                Run run = runs.poll();
                if (run == null) {
                    throw new NoSuchElementException();
                }
                if (run.rest.hasNext()) {
                    runs.add(new Run(run.rest.next(), run.rest));
                }
                return run.head;
            }
        };
    }

    private record Run(MessageRecord head, Iterator<MessageRecord> rest) {
    }

    private Group group(String groupId) {
        return groups.computeIfAbsent(groupId, id -> new Group());
    }

    /** Re-files the group under its first deliverable message, or drops it when it has none. */
    private void reopen(String groupId, Group group) {
        if (group.openAt != null) {
            open.remove(group.openAt);
            group.openAt = null;
        }
        if (group.visible.isEmpty()) {
            if (group.hidden.isEmpty()) {
                groups.remove(groupId);
            }
            return;
        }
        long first = group.visible.firstKey();
        if (group.hidden.isEmpty() || group.hidden.first() > first) {
            open.put(first, groupId);
            group.openAt = first;
        }
    }
}
