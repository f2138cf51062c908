package dev.digits.it;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every black-box test starts from: the packaged WAR, exactly as `mvn package` built it,
 * deployed at the context root of a real server, and an HTTP client for it.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedApp {
  @ArquillianResource URL base;
  Http http;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return war();
  }

  /** The WAR `mvn package` built, as an archive a test may add to before deploying it. */
  static WebArchive war() {
    File war = new File(System.getProperty("war.file", "target/ROOT.war"));
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }

  @BeforeEach
  void connect() {
    http = new Http(base);
  }
}
