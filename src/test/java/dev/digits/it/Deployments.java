package dev.digits.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged WAR, exactly as `mvn package` built it, deployed at the context root. */
public final class Deployments {
  private Deployments() {}

  public static WebArchive war() {
    File war = new File(System.getProperty("war.file", "target/ROOT.war"));
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }
}
