package io.kasumi.services.sqs;

import io.kasumi.api.sqs.ResourceNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message move tasks (dead-letter queue redrive): each moves the messages a dead-letter queue
 * held when it started back to their source queues, or to one destination, at most
 * MaxNumberOfMessagesPerSecond on the virtual clock. Progress is made whenever SQS is called or
 * the clock jumps, so no thread runs in the background. Tasks live in memory.
 */
final class MessageMoveTasks {
    static final int DEFAULT_RATE = 500;
    private static final int MAX_RATE = 500;

    /** The states AWS reports; CANCELLING is never observed, as a cancel takes effect at once. */
    enum Status { RUNNING, COMPLETED, CANCELLED, FAILED }

    /** One task, mutable under its own lock as it progresses. */
    static final class Task {
        final String handle;
        final String sourceArn;
        final String destinationArn;
        final int rate;
        final long startedMillis;
        final long upToSequence;
        final long toMove;
        private long moved;
        private Status status = Status.RUNNING;
        private String failureReason;

        private Task(String handle, String sourceArn, String destinationArn, int rate, long startedMillis,
                     long upToSequence, long toMove) {
            this.handle = handle;
            this.sourceArn = sourceArn;
            this.destinationArn = destinationArn;
            this.rate = rate;
            this.startedMillis = startedMillis;
            this.upToSequence = upToSequence;
            this.toMove = toMove;
        }

        synchronized long moved() {
            return moved;
        }

        synchronized Status status() {
            return status;
        }

        synchronized String failureReason() {
            return failureReason;
        }
    }

    private final QueueRegistry queues;
    private final Map<String, Task> byHandle = new ConcurrentHashMap<>();

    MessageMoveTasks(QueueRegistry queues) {
        this.queues = queues;
        queues.onReset(byHandle::clear);
        queues.clock().onJump(now -> catchUp());
    }

    Task start(String sourceArn, String destinationArn, Integer maxPerSecond) {
        Queue source = queues.byArn(sourceArn);
        if (source == null) {
            throw new ResourceNotFoundException("The resource that you specified for the SourceArn parameter doesn't exist.");
        }
        boolean isDeadLetterQueue = queues.list(source.id().account(), source.id().region()).stream()
                .map(q -> q.record().redrivePolicy())
                .anyMatch(policy -> policy != null && policy.deadLetterTargetArn().equals(sourceArn));
        if (!isDeadLetterQueue) {
            throw SqsErrors.invalidParameterValue("Source queue must be configured as a Dead Letter Queue.");
        }
        if (destinationArn != null) {
            Queue destination = queues.byArn(destinationArn);
            if (destination == null) {
                throw new ResourceNotFoundException(
                        "The resource that you specified for the DestinationArn parameter doesn't exist.");
            }
            if (destination == source) {
                throw SqsErrors.invalidParameterValue("Source queue and destination queue cannot be the same.");
            }
        }
        int rate = maxPerSecond == null ? DEFAULT_RATE : maxPerSecond;
        if (rate < 1 || rate > MAX_RATE) {
            throw SqsErrors.invalidParameter("MaxNumberOfMessagesPerSecond", rate, "Must be between 1 and 500, if provided.");
        }
        synchronized (this) {
            catchUp();
            boolean running = byHandle.values().stream()
                    .anyMatch(task -> task.sourceArn.equals(sourceArn) && task.status() == Status.RUNNING);
            if (running) {
                throw SqsErrors.invalidParameterValue(
                        "There is already a task running. Only one active task is allowed for a source queue arn at a given time.");
            }
            long upTo = source.lastSequence();
            String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (sourceArn + "\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            Task task = new Task(handle, sourceArn, destinationArn, rate, queues.clock().millis(), upTo, source.remaining(upTo));
            byHandle.put(handle, task);
            return task;
        }
    }

    /** The source queue's tasks, newest first. */
    List<Task> list(String sourceArn, int max) {
        if (queues.byArn(sourceArn) == null) {
            throw new ResourceNotFoundException("The resource that you specified for the SourceArn parameter doesn't exist.");
        }
        catchUp();
        return byHandle.values().stream()
                .filter(task -> task.sourceArn.equals(sourceArn))
                .sorted(Comparator.comparingLong((Task task) -> task.startedMillis).reversed())
                .limit(max)
                .toList();
    }

    Task cancel(String handle) {
        catchUp();
        Task task = byHandle.get(handle);
        if (task == null) {
            throw new ResourceNotFoundException("Task does not exist.");
        }
        synchronized (task) {
            if (task.status != Status.RUNNING) {
                throw SqsErrors.invalidParameterValue("Only active tasks can be cancelled.");
            }
            task.status = Status.CANCELLED;
        }
        return task;
    }

    /** Moves what every running task is due to have moved by now. */
    void catchUp() {
        if (byHandle.isEmpty()) {
            return;
        }
        for (Task task : new ArrayList<>(byHandle.values())) {
            synchronized (task) {
                if (task.status == Status.RUNNING) {
                    advance(task);
                }
            }
        }
    }

    /** Holds the task's lock. */
    private void advance(Task task) {
        Queue source = queues.byArn(task.sourceArn);
        if (source == null) {
            fail(task, "AWS.SimpleQueueService.NonExistentQueue");
            return;
        }
        long elapsed = Math.max(0, queues.clock().millis() - task.startedMillis);
        long due = Math.min(Integer.MAX_VALUE, task.rate * elapsed / 1000) - task.moved;
        if (due > 0) {
            Queue.Drained drained = source.drain((int) due, task.upToSequence, message -> queues.byArn(
                    task.destinationArn != null ? task.destinationArn : message.deadLetterSourceArn()));
            task.moved += drained.moved();
            if (drained.missingDestinationArn() != null) {
                fail(task, "AWS.SimpleQueueService.NonExistentQueue");
                return;
            }
        }
        if (source.remaining(task.upToSequence) == 0) {
            task.status = Status.COMPLETED;
        }
    }

    private static void fail(Task task, String reason) {
        task.status = Status.FAILED;
        task.failureReason = reason;
    }
}
