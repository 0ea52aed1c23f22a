// The bench's drag, shared by run.mjs and frameparts.mjs: 450 px to the
// left in 30 steps of 15 px, a step every 16 ms, from 70 % across the area.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function drag(page, box) {
  const dx = box.x + box.width * 0.7;
  const dy = box.y + Math.min(box.height / 2, 160);
  await page.mouse.move(dx, dy);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) { await page.mouse.move(dx - i * 15, dy); await sleep(16); }
  await page.mouse.up();
}
