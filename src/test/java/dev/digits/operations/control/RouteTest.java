package dev.digits.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Requests map to their route template and model label, as sent or as RouteFilter forwarded them.
 */
class RouteTest {
  @Test
  void everySpellingOfTheOldRoutesIsOneTemplate() {
    for (String path : new String[] {"/", "/digit", "/digit/", "/api/legacy/ann"}) {
      assertEquals(Route.DIGIT, Route.of("POST", path), path);
    }
    for (String path :
        new String[] {"/cnn", "/cnn/", "/digit/cnn", "/digit/cnn/", "/api/legacy/cnn"}) {
      assertEquals(Route.DIGIT_CNN, Route.of("POST", path), path);
    }
    assertEquals(ModelLabel.ANN, Route.DIGIT.model("/digit/", "model=cnn"));
    assertEquals(ModelLabel.CNN, Route.DIGIT_CNN.model("/cnn", null));
  }

  @Test
  void pagesAndOtherPathsAreNoRoute() {
    assertNull(Route.of("GET", "/digit/"));
    assertNull(Route.of("HEAD", "/"));
    assertNull(Route.of("GET", "/api/v1/models"));
    assertNull(Route.of("POST", "/api/v1/predict/"));
    assertNull(Route.of("GET", "/v2/health/ready"));
    assertNull(Route.of("POST", "/v2/models/cnn/infer/x"));
    assertNull(Route.of("POST", "/v2/models//infer"));
    assertNull(Route.of("POST", "/v2/models/cnn/versions//infer"));
  }

  @Test
  void theJsonApiNamesItsModelInTheQuery() {
    assertEquals(Route.PREDICT, Route.of("POST", "/api/v1/predict"));
    assertEquals(Route.READ_BATCH, Route.of("POST", "/api/v1/read/batch"));
    assertEquals(ModelLabel.ENSEMBLE, Route.PREDICT.model("/api/v1/predict", null));
    assertEquals(ModelLabel.ENSEMBLE, Route.PREDICT.model("/api/v1/predict", "model="));
    assertEquals(ModelLabel.CNN, Route.READ.model("/api/v1/read", null));
    assertEquals(ModelLabel.CNN, Route.READ_BATCH.model("/api/v1/read/batch", "x=1"));
    assertEquals(ModelLabel.ANN, Route.PREDICT.model("/api/v1/predict", "model=ann"));
    assertEquals(
        ModelLabel.ENSEMBLE, Route.PREDICT.model("/api/v1/predict", "x=1&model=Ensemble&y"));
    assertEquals(ModelLabel.UNKNOWN, Route.PREDICT.model("/api/v1/predict", "model=svm"));
    assertEquals(ModelLabel.ENSEMBLE, Route.PREDICT.model("/api/v1/predict", "amodel=ann"));
  }

  @Test
  void theInferenceProtocolNamesItsModelInThePath() {
    assertEquals(Route.INFER, Route.of("POST", "/v2/models/ann/infer"));
    assertEquals(Route.INFER, Route.of("POST", "/api/v2/models/ann/infer"));
    assertEquals(Route.INFER_VERSION, Route.of("POST", "/v2/models/cnn/versions/1/infer"));
    assertEquals(ModelLabel.ANN, Route.INFER.model("/api/v2/models/ann/infer", null));
    assertEquals(ModelLabel.UNKNOWN, Route.INFER.model("/v2/models/svm/infer", null));
    assertEquals(
        ModelLabel.ENSEMBLE,
        Route.INFER_VERSION.model("/v2/models/ensemble/versions/1/infer", null));
  }
}
