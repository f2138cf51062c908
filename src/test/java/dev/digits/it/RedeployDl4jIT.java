package dev.digits.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR with the CNN on DL4J ({@code digits.cnn.engine=dl4j}) redeployed five times ({@link
 * Redeployment}): each deployment loads ND4J's native libraries and starts its threads, and
 * undeploying must let all of it go.
 */
class RedeployDl4jIT extends Redeployment {
  @Deployment(name = APP, managed = false, testable = false)
  static WebArchive deployment() {
    return DeployedApp.warWithConfig("digits.cnn.engine=dl4j\n");
  }
}
