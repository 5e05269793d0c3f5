"""Display: what a person sees.

Terminal tables, HTML for notebooks and its registration with IPython, and the timeline plot.
"""
