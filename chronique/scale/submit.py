"""Entry script for ``spark-submit``: the ``chronique spark`` command as a Python application.

    spark-submit --master yarn ... "$(python -c 'import chronique.scale.submit as m; print(m.__file__)')" \\
        INPUT... OUTPUT [--lang fr] [--partitions N]

spark-submit runs a file, not a console entry point; this is that file. Its
``--master`` and ``--conf`` settings apply (``--master`` of the command is ignored).
"""

from chronique.scale.cli import spark_command  # absolute: spark-submit runs this file as a script

if __name__ == "__main__":
    spark_command(prog_name="chronique spark")
