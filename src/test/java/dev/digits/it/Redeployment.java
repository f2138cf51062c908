package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistFixture;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR undeployed and deployed again five times on one running WildFly: every deployment answers
 * correctly, the heap after a full GC stays within 10 % of the first deployment's, and so does the
 * heap after each undeployment (no deployment keeps the one before it alive), and no native library
 * is refused for being loaded by another class loader. Heap and GC through WildFly's management
 * model (its platform MBeans), so the app needs no diagnostic route. Each subclass names the WAR in
 * an unmanaged deployment called {@link #APP}; the failsafe execution for WildFly alone runs them.
 */
@ExtendWith({ArquillianExtension.class, ServerLog.class})
abstract class Redeployment {
  static final String APP = "redeployed";
  private static final int REDEPLOYMENTS = 5;
  private static final int CLIENTS = 16;
  private static final ModelNode MEMORY =
      Operations.createAddress("core-service", "platform-mbean", "type", "memory");

  @ArquillianResource Deployer deployer;
  @ArquillianResource ManagementClient management;

  @Test
  void fiveRedeploymentsAnswerAndKeepTheHeapFlat() throws Exception {
    Path log = Path.of(System.getProperty("wildfly.home"), "standalone", "log", "server.log");
    long logStart = Files.size(log);
    Http http = new Http(base());
    String seven =
        CanvasRenderer.dataUrl(
            CanvasRenderer.png(
                CanvasRenderer.render(MnistFixture.test().images()[0], Style.oldCanvas())));
    List<Long> heaps = new ArrayList<>();
    List<Long> undeployed = new ArrayList<>();
    for (int i = 0; i <= REDEPLOYMENTS; i++) {
      deployer.deploy(APP);
      http.awaitReady();
      answerFromManyThreads(http, seven, "deployment " + i);
      heaps.add(heapAfterFullGc());
      deployer.undeploy(APP);
      undeployed.add(heapAfterFullGc());
    }
    System.out.printf(
        "redeploy: heap after full GC per deployment, MiB: %s; after each undeployment: %s%n",
        mib(heaps), mib(undeployed));
    for (int i = 1; i <= REDEPLOYMENTS; i++) {
      assertTrue(
          heaps.get(i) <= heaps.get(0) * 1.10,
          "deployment " + i + " heap " + mib(heaps) + " MiB: over 10 % above the first");
      assertTrue(
          undeployed.get(i) <= undeployed.get(0) * 1.10,
          "after undeployment "
              + i
              + " the heap "
              + mib(undeployed)
              + " MiB is over 10 % above the first: an undeployed app is still held");
    }
    String written = readFrom(log, logStart);
    assertFalse(
        written.contains("already loaded in another class loader"),
        "a native library refused on redeployment: see " + log);
  }

  /**
   * Both routes from 16 clients at once, every answer checked. The server's request threads each
   * keep the last request they served until they serve another, and with it the deployment that
   * answered it: requests from many clients move them all to this deployment before the heap is
   * read.
   */
  private static void answerFromManyThreads(Http http, String seven, String deployment)
      throws InterruptedException, ExecutionException {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int k = 0; k < CLIENTS * 4; k++) {
        String route = k % 2 == 0 ? "/digit/" : "/digit/cnn/";
        answers.add(clients.submit(() -> http.post(route, "application/json", seven)));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> r = answer.get();
        assertEquals("7", r.body(), deployment + ", " + r.uri());
      }
    } finally {
      clients.shutdown();
    }
  }

  /** WildFly's HTTP port: the stock 8080 moved by the port offset arquillian.xml gives it. */
  private static URL base() throws MalformedURLException {
    int offset = Integer.parseInt(System.getProperty("wildfly.port.offset", "100"));
    return new URL("http://localhost:" + (8080 + offset) + "/");
  }

  private long heapAfterFullGc() throws IOException {
    for (int i = 0; i < 2; i++) {
      check(management.getControllerClient().execute(Operations.createOperation("gc", MEMORY)));
    }
    ModelNode usage =
        check(
            management
                .getControllerClient()
                .execute(Operations.createReadAttributeOperation(MEMORY, "heap-memory-usage")));
    return usage.get("used").asLong();
  }

  private static ModelNode check(ModelNode outcome) {
    assertTrue(Operations.isSuccessfulOutcome(outcome), outcome.toString());
    return Operations.readResult(outcome);
  }

  private static String readFrom(Path log, long offset) throws IOException {
    byte[] all = Files.readAllBytes(log);
    int start = (int) Math.min(offset, all.length);
    return new String(all, start, all.length - start, StandardCharsets.UTF_8);
  }

  private static List<Long> mib(List<Long> bytes) {
    return bytes.stream().map(b -> b >> 20).toList();
  }
}
