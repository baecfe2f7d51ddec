"""The worklist "Vandaag": what a klantmanager has to do today."""
