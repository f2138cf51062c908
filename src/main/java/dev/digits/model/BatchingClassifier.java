package dev.digits.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Dynamic batching, as model servers do it: callers queue their images, and one worker thread
 * classifies whatever has queued up (up to a maximum) in one call of the model. Alone, a request
 * waits for nothing; under load, the model's per-call cost is shared by the whole batch.
 */
public final class BatchingClassifier implements DigitClassifier, AutoCloseable {
  private record Job(float[][] images, CompletableFuture<float[][]> result) {}

  private final DigitClassifier model;
  private final int maxBatch;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final Thread worker;

  public BatchingClassifier(DigitClassifier model, int maxBatch, ThreadFactory threads) {
    this.model = model;
    this.maxBatch = maxBatch;
    this.worker = threads.newThread(this::work);
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public long parameterCount() {
    return model.parameterCount();
  }

  @Override
  public float[] probabilities(float[] image) {
    return probabilities(new float[][] {image})[0];
  }

  @Override
  public float[][] probabilities(float[][] images) {
    for (float[] image : images) {
      DigitClassifier.checkImage(image);
    }
    if (!worker.isAlive()) {
      throw new IllegalStateException("the " + name() + " batching worker has stopped");
    }
    CompletableFuture<float[][]> result = new CompletableFuture<>();
    queue.add(new Job(images, result));
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void work() {
    List<Job> jobs = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        jobs.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      int count = jobs.get(0).images().length;
      Job next;
      while (count < maxBatch
          && (next = queue.peek()) != null
          && count + next.images().length <= maxBatch) {
        jobs.add(queue.poll());
        count += next.images().length;
      }
      run(jobs, count);
      jobs.clear();
    }
  }

  private void run(List<Job> jobs, int count) {
    float[][] all = new float[count][];
    int at = 0;
    for (Job j : jobs) {
      System.arraycopy(j.images(), 0, all, at, j.images().length);
      at += j.images().length;
    }
    try {
      float[][] out = model.probabilities(all);
      at = 0;
      for (Job j : jobs) {
        float[][] mine = new float[j.images().length][];
        System.arraycopy(out, at, mine, 0, mine.length);
        at += mine.length;
        j.result().complete(mine);
      }
    } catch (RuntimeException | Error e) {
      jobs.forEach(j -> j.result().completeExceptionally(e)); // each caller gets the failure
      if (e instanceof Error err) {
        throw err;
      }
    }
  }

  @Override
  public void close() {
    worker.interrupt();
  }
}
