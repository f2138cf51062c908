// Number mode: reads a whole number from one picture (POST /api/v1/read), shows it large, draws a box
// around each digit on the picture, and lists the digits; tapping one shows its probabilities.
import { setStatus, clearPanels, panel, send } from './results.js';

// Sends body (a data URL string or a File/Blob) to the reader; shows the number or the server's error.
// overlay is a canvas laid over the picture; scale turns the picture's pixels into the overlay's.
export async function readNumber(body, model, overlay, scale) {
  setStatus('Reading…');
  try {
    const result = await send(body, `/api/v1/read?model=${model}`, 'Not read');
    showReading(result);
    drawBoxes(overlay, result, scale);
    const doubtful = result.confidence < 0.6 ? ' Some digits or gaps are doubtful: tap a digit to see why.' : '';
    setStatus(`It reads ${result.number}, ${(result.confidence * 100).toFixed(1)} % sure.${doubtful}`);
  } catch (e) {
    clearReading(overlay);
    setStatus(e.message, true);
  }
}

// The mode the page was opened in (?mode=number), and what follows it on both pages: the radio button,
// the wide layout, the title, the button's name, the models on offer (a number is read by one model at
// a time) and the address, so that the mode can be linked to.
export function initialMode() {
  return new URLSearchParams(location.search).get('mode') === 'number' ? 'number' : 'digit';
}

export function showMode(mode, title, button, model) {
  document.querySelector(`input[name="mode"][value="${mode}"]`).checked = true;
  document.getElementById('workspace').classList.toggle('wide', mode === 'number');
  document.getElementById('title').textContent = title;
  button.textContent = mode === 'number' ? 'Read' : 'Predict';
  model.querySelector('option[value="both"]').disabled = mode === 'number';
  if (mode === 'number' && model.value === 'both') model.value = 'cnn';
  const url = new URL(location.href);
  if (mode === 'number') url.searchParams.set('mode', 'number'); else url.searchParams.delete('mode');
  history.replaceState(null, '', url);
}

export function clearReading(overlay) {
  clearPanels();
  document.getElementById('reading').hidden = true;
  if (overlay) {
    overlay.getContext('2d').clearRect(0, 0, overlay.width, overlay.height);
  }
}

function showReading(result) {
  const reading = document.getElementById('reading');
  reading.hidden = false;
  reading.querySelector('.number').textContent = result.number;
  reading.querySelector('.number-confidence').textContent =
    `${(result.confidence * 100).toFixed(1)} % sure of the whole number`;
  const list = reading.querySelector('.read-digits');
  list.replaceChildren(...result.digits.map((d, i) => card(d, i, result.model)));
  clearPanels();
}

function card(d, index, model) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'read-digit';
  button.setAttribute('aria-label', `Digit ${index + 1}: ${d.digit}, ${(d.confidence * 100).toFixed(1)} percent; show its probabilities`);
  const digit = document.createElement('span');
  digit.className = 'read-digit-value';
  digit.textContent = d.digit;
  const confidence = document.createElement('span');
  confidence.className = 'read-digit-confidence';
  confidence.textContent = `${(d.confidence * 100).toFixed(0)} %`;
  const seen = document.createElement('img');
  seen.src = d.input;
  seen.width = 42;
  seen.height = 42;
  seen.alt = `The 28 by 28 image the model read as digit ${index + 1}`;
  button.append(digit, confidence, seen);
  button.addEventListener('click', () => {
    document.querySelectorAll('.read-digit').forEach(b => b.classList.toggle('chosen', b === button));
    document.getElementById('panels').replaceChildren(panel({ ...d, model }, `Digit ${index + 1}`));
  });
  return button;
}

// Boxes in the overlay's own pixels: each digit's box, its digit and confidence above it.
function drawBoxes(overlay, result, scale) {
  const ctx = overlay.getContext('2d');
  ctx.clearRect(0, 0, overlay.width, overlay.height);
  const px = overlay.width / overlay.getBoundingClientRect().width || 1; // backing pixels per CSS pixel
  ctx.lineWidth = 2 * px;
  ctx.font = `600 ${14 * px}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  overlay.dataset.boxes = result.digits.length;
  result.digits.forEach(d => {
    const b = d.box;
    const x = b.x * scale, y = b.y * scale, w = b.width * scale, h = b.height * scale;
    const doubtful = d.confidence < 0.6;
    ctx.strokeStyle = doubtful ? '#a4161a' : '#1b4d89';
    ctx.fillStyle = ctx.strokeStyle;
    ctx.strokeRect(x, y, w, h);
    const full = `${d.digit} · ${(d.confidence * 100).toFixed(0)} %`;
    const label = ctx.measureText(full).width <= Math.max(w, 40 * px) ? full : `${d.digit}`;
    ctx.fillText(label, x, Math.max(16 * px, y - 2 * px));
  });
}
