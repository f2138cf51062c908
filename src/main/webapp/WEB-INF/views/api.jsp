<% request.setAttribute("pageTitle", "API"); %>
<%@ include file="header.jspf" %>
<h1>Calling the API</h1>
<p>Any origin may call it. The full description is the <a href="${pageContext.request.contextPath}/openapi">OpenAPI document</a>.</p>
<h2>The old app's API, unchanged</h2>
<p><code>POST /digit/</code> (ANN) and <code>POST /digit/cnn/</code> (CNN) take an image as the raw body, usually a data URL
  such as <code>canvas.toDataURL()</code> gives, and answer the digit as a bare JSON number, for example <code>7</code>.</p>
<pre><code>fetch('/digit/cnn/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', },
    body: imgData, // Base64-encoded image data
}).then(response =&gt; response.json())
.then(data =&gt; { console.log(data); })
.catch(error =&gt; { console.log(error); })</code></pre>
<pre><code>curl -X POST --data-binary "data:image/png;base64,$(base64 -w0 digit.png)" http://localhost:8080/digit/cnn/</code></pre>
<h2>The JSON API</h2>
<p><code>POST /api/v1/predict?model=ann|cnn|ensemble</code> takes the same bodies, or raw image bytes, JSON
  (<code>{"image": "data:..."}</code>) or a multipart upload, and answers the digit, its confidence, all ten
  probabilities and the 28×28 image the model read.</p>
<pre><code>curl -X POST -H 'Content-Type: image/png' --data-binary @digit.png 'http://localhost:8080/api/v1/predict?model=ensemble'
{"digit":7,"confidence":...,"probabilities":[...ten numbers...],"model":"ensemble","input":"data:image/png;base64,..."}</code></pre>
<pre><code>const res = await fetch('/api/v1/predict?model=cnn', { method: 'POST', body: file });
const { digit, confidence } = await res.json();</code></pre>
<p><code>POST /api/v1/predict/batch</code> takes <code>{"images": ["data:...", ...]}</code> (up to ${limits.batch}) and answers the list in order.
  <code>GET /api/v1/models</code> lists the models with their test accuracy.</p>
<h2>The Open Inference Protocol (KServe v2)</h2>
<p>Standard inference clients (KServe's, Triton's <code>tritonclient.http</code>) call
  <code>POST /v2/models/ann|cnn|ensemble/infer</code>. The input <code>image</code> holds up to ${limits.batch}
  MNIST images as <code>FP32</code> (0 to 1, ink high) or <code>UINT8</code> of shape <code>[N,28,28]</code>,
  <code>[N,784]</code> or <code>[N,1,28,28]</code>, read by the model as they are, or <code>BYTES</code>
  <code>[N]</code> pictures, preprocessed as above; the outputs are <code>probabilities</code>, <code>digit</code>
  and <code>confidence</code>, in JSON or binary (Triton's binary tensor data extension). <code>GET /v2</code>,
  <code>/v2/health/ready</code> and <code>/v2/models/cnn</code> describe the server and the models. Errors there
  are <code>{"error": "..."}</code>.</p>
<pre><code>curl -d '{"inputs":[{"name":"image","datatype":"BYTES","shape":[1],"data":["'"$(base64 -w0 digit.png)"'"]}]}' http://localhost:8080/v2/models/cnn/infer</code></pre>
<h2>Errors</h2>
<p>Errors are JSON, <code>{"status": 415, "error": "..."}</code>: 400 malformed input, 404 unknown model, 413 too large
  (a body over ${limits.bodyMib} MiB, or a picture over ${limits.side} pixels a side or ${limits.megapixels} megapixels,
  checked from its header before decoding), 415 not an image, 422 no digit found, 503 busy (retry after the
  <code>Retry-After</code> seconds).</p>
<%@ include file="footer.jspf" %>
