package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import dev.digits.recognition.control.Recognizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The old app's API: the body is an image (a data URL as raw text, in the old clients), the answer
 * the digit as a bare JSON number. POST /digit/ and POST /digit/cnn/ are forwarded here.
 */
@Path("legacy/{model: ann|cnn}")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class LegacyResource {
  @Inject Recognizer recognizer;

  @POST
  public String predict(@PathParam("model") String model, EncodedImage image) {
    return Integer.toString(recognizer.recognize(image, model).prediction().digit());
  }
}
