"""The quickscan pages: start, fill in, result, history and the comparisons."""
