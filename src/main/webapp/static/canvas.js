// The drawing pad: pointer strokes (mouse, finger, pen), undo, clear, and live prediction.
import { predict, setStatus, clearPanels } from './results.js';

const LOGICAL_SIZE = 280; // CSS pixels; the backing store is scaled by devicePixelRatio to stay crisp
const STROKE = LOGICAL_SIZE / 14; // like MNIST: strokes about a tenth of the digit's height
const LIVE_DELAY_MS = 350;

const pad = document.getElementById('pad');
const ctx = pad.getContext('2d');
const live = document.getElementById('live');
const model = document.getElementById('model');
const strokes = [];
let current = null;
let timer = null;

function setUp() {
  const ratio = window.devicePixelRatio || 1;
  pad.width = Math.round(LOGICAL_SIZE * ratio);
  pad.height = Math.round(LOGICAL_SIZE * ratio);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  redraw();
}

function redraw() {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, LOGICAL_SIZE, LOGICAL_SIZE);
  ctx.strokeStyle = '#000';
  ctx.fillStyle = '#000';
  ctx.lineWidth = STROKE;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  strokes.forEach(draw);
}

function draw(points) {
  if (points.length === 1) {
    ctx.beginPath();
    ctx.arc(points[0].x, points[0].y, STROKE / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  ctx.beginPath();
  ctx.moveTo(points[0].x, points[0].y);
  points.slice(1).forEach(p => ctx.lineTo(p.x, p.y));
  ctx.stroke();
}

function point(e) {
  const r = pad.getBoundingClientRect();
  return { x: (e.clientX - r.left) * LOGICAL_SIZE / r.width, y: (e.clientY - r.top) * LOGICAL_SIZE / r.height };
}

pad.addEventListener('pointerdown', e => {
  e.preventDefault();
  pad.setPointerCapture(e.pointerId);
  current = [point(e)];
  strokes.push(current);
  clearTimeout(timer);
  redraw();
});
pad.addEventListener('pointermove', e => {
  if (!current) return;
  const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [e];
  events.forEach(ev => current.push(point(ev)));
  redraw();
});
['pointerup', 'pointercancel'].forEach(type => pad.addEventListener(type, () => {
  if (!current) return;
  current = null;
  if (live.checked) {
    clearTimeout(timer);
    timer = setTimeout(run, LIVE_DELAY_MS);
  }
}));

function run() {
  if (strokes.length === 0) {
    setStatus('The canvas is empty: draw a digit first.');
    clearPanels();
    return;
  }
  predict(pad.toDataURL('image/png'), model.value);
}

function undo() {
  strokes.pop();
  redraw();
  if (strokes.length === 0) {
    clearPanels();
    setStatus('Draw a digit, then press Predict.');
  } else if (live.checked) {
    run();
  }
}

function clear() {
  strokes.length = 0;
  clearTimeout(timer);
  redraw();
  clearPanels();
  setStatus('Draw a digit, then press Predict.');
}

document.getElementById('predict').addEventListener('click', run);
document.getElementById('undo').addEventListener('click', undo);
document.getElementById('clear').addEventListener('click', clear);
model.addEventListener('change', () => { if (strokes.length > 0) run(); });
pad.addEventListener('keydown', e => {
  if (e.key === 'Enter') run();
  else if (e.key === 'Backspace') { e.preventDefault(); undo(); }
  else if (e.key === 'Escape') clear();
});
window.addEventListener('resize', setUp);
setUp();
