package dev.digits.inference.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.recognition.control.Recognizer;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Until the models are loaded, the protocol's readiness answers 503 with its JSON body. */
class InferenceReadinessTest {
  private final Recognizer loading = new Recognizer(); // never loaded: still LOADING

  @Test
  void serverIsLiveButNotReadyWhileTheModelsLoad() {
    ServerResource server = new ServerResource();
    server.recognizer = loading;
    assertTrue(server.live().live());
    Response ready = server.ready();
    assertEquals(503, ready.getStatus());
    assertEquals(new ServerReady(false), ready.getEntity());
  }

  @Test
  void modelIsNotReadyWhileTheModelsLoad() {
    ModelResource model = new ModelResource();
    model.recognizer = loading;
    Response ready = model.ready("cnn");
    assertEquals(503, ready.getStatus());
    assertEquals(new ModelReady("cnn", false), ready.getEntity());
    assertEquals(503, model.ready("cnn", "1").getStatus());
  }

  @Test
  void protocolPathsAreThoseUnderV2() {
    for (String path : new String[] {"v2", "/v2", "v2/health/live", "/v2/models/cnn/infer"}) {
      assertTrue(ProtocolErrorFilter.isProtocol(path), path);
    }
    for (String path : new String[] {"v1/predict", "v2x", "legacy/ann", "/v20/models"}) {
      assertEquals(false, ProtocolErrorFilter.isProtocol(path), path);
    }
  }
}
