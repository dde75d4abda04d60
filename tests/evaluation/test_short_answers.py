"""The short-answer corpus measurement, on a tiny corpus in its arrangement (texts written for this test)."""

from pathlib import Path

import pytest

from evaluation import short_answers

SOURCE = (
    "The lighthouse at Kerrow Point was built in 1871 by the harbour board after three schooners "
    "were wrecked on the reef in a single winter storm.\n\n"
    "Its lamp burned colza oil until 1923, when the keepers installed a paraffin vapour burner "
    "that could be seen from twenty-two nautical miles away on a clear night."
)
COPIED = ("Its lamp burned colza oil until 1923, when the keepers installed a paraffin vapour burner "
          "that could be seen from twenty-two nautical miles away on a clear night.")
UNRELATED = ("Sourdough bread rises slowly because wild yeast and lactic bacteria ferment the flour "
             "over many hours, which gives the crumb its open texture and sour taste.")


def _corpus(folder: Path, listing: str, texts: dict[str, str]) -> Path:
    (folder / "file_information.csv").write_text(listing, encoding="utf-8")
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_copy_is_counted_verbatim_and_an_unrelated_answer_unlinked(tmp_path):
    folder = _corpus(tmp_path, "File,Task,Category\norig_taska.txt,a,orig\nx_cut.txt,a,cut\nx_non.txt,a,non\n",
                     {"orig_taska.txt": SOURCE, "x_cut.txt": COPIED, "x_non.txt": UNRELATED})
    counts = short_answers.measure(folder)
    assert counts["cut"] == {"verbatim": 1}
    assert counts["non"] == {"none": 1}
    lines = short_answers.report(counts)
    assert lines[0].startswith("cut") and "linked 1.00" in lines[0] and "as verbatim or edited 1.00" in lines[0]
    assert lines[1].startswith("non") and "linked 0.00" in lines[1]


def test_an_answer_is_only_counted_against_its_own_tasks_source(tmp_path):
    folder = _corpus(tmp_path, "File,Task,Category\norig_taska.txt,a,orig\norig_taskb.txt,b,orig\ny_cut.txt,b,cut\n",
                     {"orig_taska.txt": SOURCE, "orig_taskb.txt": UNRELATED, "y_cut.txt": COPIED})
    assert short_answers.measure(folder)["cut"] == {"none": 1}


@pytest.mark.parametrize("listing, message", [
    (None, "file_information.csv: not found"),
    ("Name,Kind\nx.txt,cut\n", "needs the columns File, Task and Category"),
    ("File,Task,Category\norig_taska.txt,a,orig\nmissing.txt,a,cut\n", "line 3: missing.txt is not in"),
])
def test_a_folder_that_is_not_the_corpus_is_named_with_what_is_wrong(tmp_path, capsys, listing, message):
    if listing is not None:
        _corpus(tmp_path, listing, {"orig_taska.txt": SOURCE})
    with pytest.raises(SystemExit) as stopped:
        short_answers.main([str(tmp_path)])
    assert message in str(stopped.value) and str(stopped.value).startswith("error: ")
