// Pure: the status-bar text.

export interface StatusView {
  text: string;
  tooltip: string;
}

export function statusView(needReview: number, running: boolean): StatusView {
  if (!running) {
    return { text: "$(circle-slash) Redline: off", tooltip: "The redline language server is not running." };
  }
  if (needReview === 0) {
    return { text: "$(pass) Redline: 0 to review", tooltip: "No AI-written change to high-impact code needs review." };
  }
  const noun = needReview === 1 ? "AI change needs" : "AI changes need";
  return {
    text: `$(warning) Redline: ${needReview} to review`,
    tooltip: `${needReview} ${noun} a senior's review before commit. Click to open them in Problems.`,
  };
}
