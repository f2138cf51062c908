package dev.digits.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged WAR, with the CNN in plain Java, redeployed five times ({@link Redeployment}). */
class RedeployIT extends Redeployment {
  @Deployment(name = APP, managed = false, testable = false)
  static WebArchive deployment() {
    return DeployedApp.war();
  }
}
