// Shows predictions: one panel per model with the digit, its confidence, ten bars and the 28x28 input.
const LOW_CONFIDENCE = 0.6;
const NAMES = { ann: 'ANN (from scratch)', cnn: 'CNN (Deeplearning4j)', ensemble: 'Ensemble (CNN committee + ANN)' };

export function modelsFor(choice) {
  return choice === 'both' ? ['ann', 'cnn'] : [choice];
}

export function setStatus(text, isError = false) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

export function clearPanels() {
  document.getElementById('panels').replaceChildren();
}

// Sends body (a data URL string or a File/Blob) to each model; shows the answers or the server's error.
export async function predict(body, choice) {
  const models = modelsFor(choice);
  setStatus('Predicting…');
  try {
    const results = await Promise.all(models.map(model => ask(body, model)));
    const panels = document.getElementById('panels');
    panels.replaceChildren(...results.map(panel));
    setStatus(results.length === 1 ? `It looks like a ${results[0].digit}.`
      : results.map(r => `${NAMES[r.model]}: ${r.digit}`).join(' · '));
  } catch (e) {
    clearPanels();
    setStatus(e.message, true);
  }
}

function ask(body, model) {
  return send(body, `/api/v1/predict?model=${model}`, 'Not predicted');
}

// POSTs body (a data URL string, sent as JSON, or a File/Blob, sent as it is) to route; the answer, or
// an Error whose message starts with failure and gives the server's reason and status.
export async function send(body, route, failure) {
  const headers = typeof body === 'string' ? { 'Content-Type': 'application/json' }
    : { 'Content-Type': body.type || 'application/octet-stream' };
  const payload = typeof body === 'string' ? JSON.stringify({ image: body }) : body;
  let res;
  try {
    res = await fetch(`${base()}${route}`, { method: 'POST', headers, body: payload });
  } catch (e) {
    throw new Error('The server could not be reached. Check your connection and try again.');
  }
  const data = await res.json().catch(() => ({ error: `the server answered ${res.status}` }));
  if (!res.ok) {
    throw new Error(`${failure}: ${data.error || res.statusText} (${res.status})`);
  }
  return data;
}

function base() {
  return document.querySelector('.brand').getAttribute('href').replace(/\/$/, '');
}

// One model's answer for one digit: title names it (the model by default).
export function panel(result, title = NAMES[result.model] || result.model) {
  const node = document.getElementById('panel-template').content.firstElementChild.cloneNode(true);
  node.dataset.model = result.model;
  node.querySelector('.model-name').textContent = title;
  node.querySelector('.digit').textContent = result.digit;
  node.querySelector('.confidence').textContent = `${(result.confidence * 100).toFixed(1)} % sure`;
  if (result.confidence < LOW_CONFIDENCE) {
    const ranked = result.probabilities.map((p, d) => [p, d]).sort((a, b) => b[0] - a[0]);
    const doubt = node.querySelector('.doubt');
    doubt.hidden = false;
    doubt.textContent = `Not sure: it might be a ${ranked[0][1]} or a ${ranked[1][1]}. Try drawing it larger or clearer.`;
  }
  const bars = node.querySelector('.bars');
  result.probabilities.forEach((p, digit) => {
    const li = document.createElement('li');
    li.className = 'bar' + (digit === result.digit ? ' best' : '');
    const label = document.createElement('span');
    label.className = 'bar-label';
    label.textContent = digit;
    const track = document.createElement('span');
    track.className = 'bar-track';
    const fill = document.createElement('span');
    fill.className = 'bar-fill';
    fill.style.width = `${Math.max(0.5, p * 100).toFixed(1)}%`;
    track.append(fill);
    const value = document.createElement('span');
    value.className = 'bar-value';
    value.textContent = `${(p * 100).toFixed(1)} %`;
    li.append(label, track, value);
    li.setAttribute('aria-label', `${digit}: ${(p * 100).toFixed(1)} percent`);
    bars.append(li);
  });
  node.querySelector('.input').src = result.input;
  return node;
}
