package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.it.SteadyLoad.Outcome;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The SIGKILL test against containers: run by scripts/container-test.sh, which starts two
 * containers of the image behind the project's nginx and names them here (failover.proxy, the nginx
 * URL; failover.kill, the command that kills one container). Skipped in a plain `mvn verify`.
 */
class ContainerFailoverIT {
  private static final int RATE = 50;

  @Test
  void sigkillOfOneContainerUnderLoadLosesNoRequest() throws Exception {
    String proxy = System.getProperty("failover.proxy");
    String kill = System.getProperty("failover.kill");
    Assumptions.assumeTrue(
        proxy != null && kill != null, "run by scripts/container-test.sh (podman, root)");
    Http http = new Http(new URL(proxy));
    SteadyLoad load =
        new SteadyLoad(
            URI.create(proxy),
            SteadyLoad.answeredAlone(http, List.of("/digit/", "/digit/cnn/"), 4000, 100),
            RATE);
    Thread.sleep(3000);
    Process killer = new ProcessBuilder("sh", "-c", kill).inheritIO().start();
    assertEquals(0, killer.waitFor(), kill);
    Thread.sleep(5000);
    Outcome outcome = load.stop();
    System.out.println("SIGKILL of one of two containers: " + outcome);
    assertTrue(outcome.sent() >= RATE * 7, outcome.toString());
    assertEquals(List.of(), outcome.failures(), outcome.toString());
  }
}
