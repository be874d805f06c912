from extract.cli import app

app(prog_name="vnextract")
