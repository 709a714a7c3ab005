import assert from "node:assert/strict";
import { test } from "node:test";
import { headlineLine, isCaption } from "./parts.js";

test("caption lines: labels at the start, photo credits at the end (issue 14)", () => {
  for (const line of [
    "FILE PHOTO: Soldiers patrol a street in Kyiv, Ukraine, March 3, 2024. REUTERS/Jane Doe/File Photo",
    "Caption: The prime minister arrives in Tehran.",
    "Picture shows protesters in Nairobi on Tuesday.",
    "(Photo: AFP) Rescue workers search the rubble.",
    "Police officers stand guard outside the court in Lima. AP Photo/John Roe",
    "Rescue workers carry a man from the rubble (Photo: Xinhua)",
  ])
    assert.ok(isCaption(line), line);
  for (const line of [
    "Reuters could not verify the report.",
    "The photo was published on Monday, the ministry said.",
    "Iran and Pakistan signed five agreements.",
  ])
    assert.ok(!isCaption(line), line);
});

test("a headline line: short, no sentence mark, a blank line and a body after it (issue 14)", () => {
  assert.deepEqual(headlineLine("Iran's leader praises Pakistan PM\n\nTEHRAN — The leader met ..."), [0, 33]);
  assert.equal(headlineLine("The leader met the prime minister.\n\nHe said ..."), null);
  assert.equal(headlineLine("ISLAMABAD:\n\nThe leader met ..."), null);
  assert.equal(headlineLine("Iran's leader praises Pakistan PM"), null);
  assert.equal(headlineLine("Iran's leader praises Pakistan PM\nTEHRAN — The leader met ..."), null);
});
