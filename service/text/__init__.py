"""The one Hindi text layer: script classes, folding with offset maps, sentences, raw-dump split. Imports nothing of the service."""
