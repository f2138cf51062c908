// The upload page: choose, drop or paste a picture, preview it, and predict one digit or read a
// number, with a box drawn on the preview around each digit read.
import { predict, setStatus, clearPanels } from './results.js';
import { readNumber, clearReading, initialMode, showMode } from './reading.js';

const input = document.getElementById('picture');
const drop = document.getElementById('drop');
const preview = document.getElementById('preview');
const boxes = document.getElementById('boxes');
const model = document.getElementById('model');
const button = document.getElementById('btn');
let mode = initialMode();
let file = null;

function choose(f) {
  if (!f) return;
  file = f;
  clearAnswers();
  if (preview.src) URL.revokeObjectURL(preview.src);
  if (f.type.startsWith('image/')) {
    preview.src = URL.createObjectURL(f);
    preview.hidden = false;
  } else {
    preview.hidden = true;
  }
  setStatus(`${f.name || 'Pasted image'} (${Math.ceil(f.size / 1024)} KiB) ready: press ${button.textContent}.`);
}

function clearAnswers() {
  clearPanels();
  clearReading(boxes);
}

// The overlay covers the preview as shown; boxes come in the picture's own pixels.
function run() {
  if (!file) {
    setStatus('Choose a picture first.', true);
    return;
  }
  if (mode === 'digit') {
    predict(file, model.value);
    return;
  }
  const ratio = window.devicePixelRatio || 1;
  const shown = preview.getBoundingClientRect();
  boxes.width = Math.round(shown.width * ratio);
  boxes.height = Math.round(shown.height * ratio);
  boxes.style.width = `${shown.width}px`;
  boxes.style.height = `${shown.height}px`;
  const scale = preview.naturalWidth ? boxes.width / preview.naturalWidth : 1;
  readNumber(file, model.value, boxes, scale);
}

function switchTo(next) {
  mode = next;
  showMode(mode, `Upload a picture of a ${mode}`, button, model);
  clearAnswers();
  setStatus(file ? `Press ${button.textContent}.` : `Choose a picture, then press ${button.textContent}.`);
}

input.addEventListener('change', () => choose(input.files[0]));
drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', e => {
  e.preventDefault();
  drop.classList.remove('over');
  choose(e.dataTransfer.files[0]);
});
drop.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });
document.addEventListener('paste', e => {
  const item = [...e.clipboardData.items].find(i => i.kind === 'file');
  if (item) choose(item.getAsFile());
});
document.querySelectorAll('input[name="mode"]').forEach(r => r.addEventListener('change', () => switchTo(r.value)));
button.addEventListener('click', run);
window.addEventListener('resize', () => clearReading(boxes));
switchTo(mode);
